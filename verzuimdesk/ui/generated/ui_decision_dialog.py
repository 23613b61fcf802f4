# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'decision_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_DecisionDialog(object):
    def setupUi(self, DecisionDialog):
        if not DecisionDialog.objectName():
            DecisionDialog.setObjectName(u"DecisionDialog")
        DecisionDialog.resize(560, 320)
        self.outer = QVBoxLayout(DecisionDialog)
        self.outer.setObjectName(u"outer")
        self.summary = QLabel(DecisionDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)

        self.outer.addWidget(self.summary)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.decisionLabel = QLabel(DecisionDialog)
        self.decisionLabel.setObjectName(u"decisionLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.decisionLabel)

        self.decision = QComboBox(DecisionDialog)
        self.decision.setObjectName(u"decision")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.decision)

        self.decidedByLabel = QLabel(DecisionDialog)
        self.decidedByLabel.setObjectName(u"decidedByLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.decidedByLabel)

        self.decidedBy = QLineEdit(DecisionDialog)
        self.decidedBy.setObjectName(u"decidedBy")
        self.decidedBy.setMaxLength(200)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.decidedBy)

        self.roleLabel = QLabel(DecisionDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.role = QComboBox(DecisionDialog)
        self.role.setObjectName(u"role")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.role)


        self.outer.addLayout(self.form)

        self.message = QLabel(DecisionDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.outer.addWidget(self.message)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.stretch)

        self.buttons = QDialogButtonBox(DecisionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.decisionLabel.setBuddy(self.decision)
        self.decidedByLabel.setBuddy(self.decidedBy)
        self.roleLabel.setBuddy(self.role)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DecisionDialog)

        QMetaObject.connectSlotsByName(DecisionDialog)
    # setupUi

    def retranslateUi(self, DecisionDialog):
        DecisionDialog.setWindowTitle(QCoreApplication.translate("DecisionDialog", u"Beslissing invoeren", None))
        self.decisionLabel.setText(QCoreApplication.translate("DecisionDialog", u"&Beslissing:", None))
        self.decidedByLabel.setText(QCoreApplication.translate("DecisionDialog", u"Beslist &door:", None))
        self.roleLabel.setText(QCoreApplication.translate("DecisionDialog", u"&Functie:", None))
    # retranslateUi

