# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recovery_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateTimeEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QSpacerItem, QTimeEdit, QVBoxLayout, QWidget)

class Ui_RecoveryDialog(object):
    def setupUi(self, RecoveryDialog):
        if not RecoveryDialog.objectName():
            RecoveryDialog.setObjectName(u"RecoveryDialog")
        RecoveryDialog.resize(620, 440)
        self.outer = QVBoxLayout(RecoveryDialog)
        self.outer.setObjectName(u"outer")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.studentLabel = QLabel(RecoveryDialog)
        self.studentLabel.setObjectName(u"studentLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.studentLabel)

        self.studentHost = QWidget(RecoveryDialog)
        self.studentHost.setObjectName(u"studentHost")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.studentHost)

        self.reportLabel = QLabel(RecoveryDialog)
        self.reportLabel.setObjectName(u"reportLabel")
        self.reportLabel.setWordWrap(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reportLabel)

        self.callTimeLabel = QLabel(RecoveryDialog)
        self.callTimeLabel.setObjectName(u"callTimeLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.callTimeLabel)

        self.callTime = QTimeEdit(RecoveryDialog)
        self.callTime.setObjectName(u"callTime")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.callTime)

        self.betterFromLabel = QLabel(RecoveryDialog)
        self.betterFromLabel.setObjectName(u"betterFromLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.betterFromLabel)

        self.betterFrom = QDateTimeEdit(RecoveryDialog)
        self.betterFrom.setObjectName(u"betterFrom")
        self.betterFrom.setCalendarPopup(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.betterFrom)


        self.outer.addLayout(self.form)

        self.message = QLabel(RecoveryDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.outer.addWidget(self.message)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.stretch)

        self.buttons = QDialogButtonBox(RecoveryDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.callTimeLabel.setBuddy(self.callTime)
        self.betterFromLabel.setBuddy(self.betterFrom)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.callTime, self.betterFrom)

        self.retranslateUi(RecoveryDialog)

        QMetaObject.connectSlotsByName(RecoveryDialog)
    # setupUi

    def retranslateUi(self, RecoveryDialog):
        RecoveryDialog.setWindowTitle(QCoreApplication.translate("RecoveryDialog", u"Beter-melding", None))
        self.studentLabel.setText(QCoreApplication.translate("RecoveryDialog", u"&Leerling:", None))
        self.callTimeLabel.setText(QCoreApplication.translate("RecoveryDialog", u"&Tijd van de melding:", None))
        self.callTime.setDisplayFormat(QCoreApplication.translate("RecoveryDialog", u"HH:mm", None))
        self.betterFromLabel.setText(QCoreApplication.translate("RecoveryDialog", u"Beter &vanaf:", None))
        self.betterFrom.setDisplayFormat(QCoreApplication.translate("RecoveryDialog", u"dd-MM-yyyy HH:mm", None))
    # retranslateUi

