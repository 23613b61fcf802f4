# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'consent_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ConsentDialog(object):
    def setupUi(self, ConsentDialog):
        if not ConsentDialog.objectName():
            ConsentDialog.setObjectName(u"ConsentDialog")
        ConsentDialog.resize(560, 380)
        self.dialogLayout = QVBoxLayout(ConsentDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.studentLabel = QLabel(ConsentDialog)
        self.studentLabel.setObjectName(u"studentLabel")
        self.studentLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.studentLabel)

        self.choiceBox = QGroupBox(ConsentDialog)
        self.choiceBox.setObjectName(u"choiceBox")
        self.choiceLayout = QVBoxLayout(self.choiceBox)
        self.choiceLayout.setObjectName(u"choiceLayout")
        self.givenRadio = QRadioButton(self.choiceBox)
        self.givenRadio.setObjectName(u"givenRadio")

        self.choiceLayout.addWidget(self.givenRadio)

        self.refusedRadio = QRadioButton(self.choiceBox)
        self.refusedRadio.setObjectName(u"refusedRadio")

        self.choiceLayout.addWidget(self.refusedRadio)

        self.unknownRadio = QRadioButton(self.choiceBox)
        self.unknownRadio.setObjectName(u"unknownRadio")

        self.choiceLayout.addWidget(self.unknownRadio)


        self.dialogLayout.addWidget(self.choiceBox)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.choiceDateLabel = QLabel(ConsentDialog)
        self.choiceDateLabel.setObjectName(u"choiceDateLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.choiceDateLabel)

        self.choiceDateEdit = QDateEdit(ConsentDialog)
        self.choiceDateEdit.setObjectName(u"choiceDateEdit")
        self.choiceDateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.choiceDateEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.effectLabel = QLabel(ConsentDialog)
        self.effectLabel.setObjectName(u"effectLabel")
        self.effectLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.effectLabel)

        self.messageLabel = QLabel(ConsentDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.messageLabel)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.stretch)

        self.buttonBox = QDialogButtonBox(ConsentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.choiceDateLabel.setBuddy(self.choiceDateEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.givenRadio, self.refusedRadio)
        QWidget.setTabOrder(self.refusedRadio, self.unknownRadio)
        QWidget.setTabOrder(self.unknownRadio, self.choiceDateEdit)
        QWidget.setTabOrder(self.choiceDateEdit, self.buttonBox)

        self.retranslateUi(ConsentDialog)

        QMetaObject.connectSlotsByName(ConsentDialog)
    # setupUi

    def retranslateUi(self, ConsentDialog):
        ConsentDialog.setWindowTitle(QCoreApplication.translate("ConsentDialog", u"Toestemming ouders informeren", None))
        self.studentLabel.setText("")
        self.choiceBox.setTitle(QCoreApplication.translate("ConsentDialog", u"Schriftelijke keuze van de student (R-OUDERS)", None))
        self.givenRadio.setText(QCoreApplication.translate("ConsentDialog", u"Toestemming &gegeven: ouders/verzorgers mogen ge\u00efnformeerd worden", None))
        self.refusedRadio.setText(QCoreApplication.translate("ConsentDialog", u"Ge&weigerd (bezwaar gemaakt): ouders/verzorgers niet informeren", None))
        self.unknownRadio.setText(QCoreApplication.translate("ConsentDialog", u"&Onbekend: geen keuze vastgelegd, het beleid van de school geldt", None))
        self.choiceDateLabel.setText(QCoreApplication.translate("ConsentDialog", u"&Datum van de keuze:", None))
#if QT_CONFIG(accessibility)
        self.choiceDateEdit.setAccessibleName(QCoreApplication.translate("ConsentDialog", u"Datum van de keuze", None))
#endif // QT_CONFIG(accessibility)
        self.choiceDateEdit.setDisplayFormat(QCoreApplication.translate("ConsentDialog", u"ddd d MMM yyyy", None))
        self.effectLabel.setText("")
        self.messageLabel.setText("")
    # retranslateUi

