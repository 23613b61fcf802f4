# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'conversation_dialog.ui'
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
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ConversationDialog(object):
    def setupUi(self, ConversationDialog):
        if not ConversationDialog.objectName():
            ConversationDialog.setObjectName(u"ConversationDialog")
        ConversationDialog.resize(720, 700)
        self.dialogLayout = QVBoxLayout(ConversationDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.studentLabel = QLabel(ConversationDialog)
        self.studentLabel.setObjectName(u"studentLabel")

        self.dialogLayout.addWidget(self.studentLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.heldOnLabel = QLabel(ConversationDialog)
        self.heldOnLabel.setObjectName(u"heldOnLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.heldOnLabel)

        self.heldOnEdit = QDateEdit(ConversationDialog)
        self.heldOnEdit.setObjectName(u"heldOnEdit")
        self.heldOnEdit.setCalendarPopup(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.heldOnEdit)

        self.participantsLabel = QLabel(ConversationDialog)
        self.participantsLabel.setObjectName(u"participantsLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.participantsLabel)

        self.participantsEdit = QLineEdit(ConversationDialog)
        self.participantsEdit.setObjectName(u"participantsEdit")
        self.participantsEdit.setMaxLength(1000)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.participantsEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.questionsBox = QGroupBox(ConversationDialog)
        self.questionsBox.setObjectName(u"questionsBox")
        self.questionsLayout = QFormLayout(self.questionsBox)
        self.questionsLayout.setObjectName(u"questionsLayout")
        self.questionsLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.questionsLayout.setVerticalSpacing(2)

        self.dialogLayout.addWidget(self.questionsBox)

        self.agreementsLabel = QLabel(ConversationDialog)
        self.agreementsLabel.setObjectName(u"agreementsLabel")

        self.dialogLayout.addWidget(self.agreementsLabel)

        self.agreementsEdit = QPlainTextEdit(ConversationDialog)
        self.agreementsEdit.setObjectName(u"agreementsEdit")
        self.agreementsEdit.setTabChangesFocus(True)
        self.agreementsEdit.setMinimumSize(QSize(0, 60))

        self.dialogLayout.addWidget(self.agreementsEdit)

        self.datesLayout = QFormLayout()
        self.datesLayout.setObjectName(u"datesLayout")
        self.checkLabel = QLabel(ConversationDialog)
        self.checkLabel.setObjectName(u"checkLabel")

        self.datesLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.checkLabel)

        self.checkEdit = QDateEdit(ConversationDialog)
        self.checkEdit.setObjectName(u"checkEdit")
        self.checkEdit.setCalendarPopup(True)

        self.datesLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.checkEdit)

        self.evaluateLabel = QLabel(ConversationDialog)
        self.evaluateLabel.setObjectName(u"evaluateLabel")

        self.datesLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.evaluateLabel)

        self.evaluateEdit = QDateEdit(ConversationDialog)
        self.evaluateEdit.setObjectName(u"evaluateEdit")
        self.evaluateEdit.setCalendarPopup(True)

        self.datesLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.evaluateEdit)


        self.dialogLayout.addLayout(self.datesLayout)

        self.messageLabel = QLabel(ConversationDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(ConversationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.heldOnLabel.setBuddy(self.heldOnEdit)
        self.participantsLabel.setBuddy(self.participantsEdit)
        self.agreementsLabel.setBuddy(self.agreementsEdit)
        self.checkLabel.setBuddy(self.checkEdit)
        self.evaluateLabel.setBuddy(self.evaluateEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ConversationDialog)

        QMetaObject.connectSlotsByName(ConversationDialog)
    # setupUi

    def retranslateUi(self, ConversationDialog):
        ConversationDialog.setWindowTitle(QCoreApplication.translate("ConversationDialog", u"Verzuimgesprek vastleggen", None))
        self.studentLabel.setText("")
        self.heldOnLabel.setText(QCoreApplication.translate("ConversationDialog", u"&Datum gesprek:", None))
        self.heldOnEdit.setDisplayFormat(QCoreApplication.translate("ConversationDialog", u"ddd d MMM yyyy", None))
        self.participantsLabel.setText(QCoreApplication.translate("ConversationDialog", u"&Wie waren erbij:", None))
        self.participantsEdit.setPlaceholderText(QCoreApplication.translate("ConversationDialog", u"bijv. mentor, leerling, moeder", None))
        self.questionsBox.setTitle(QCoreApplication.translate("ConversationDialog", u"Vragenlijst als handvat (Verzuimstappen, bijlage 1): vul in wat besproken is", None))
        self.agreementsLabel.setText(QCoreApplication.translate("ConversationDialog", u"&Welke afspraken maken we?", None))
        self.checkLabel.setText(QCoreApplication.translate("ConversationDialog", u"&Eerste controle afspraken:", None))
        self.checkEdit.setDisplayFormat(QCoreApplication.translate("ConversationDialog", u"ddd d MMM yyyy", None))
        self.evaluateLabel.setText(QCoreApplication.translate("ConversationDialog", u"E&valuatie (max. 6 weken):", None))
        self.evaluateEdit.setDisplayFormat(QCoreApplication.translate("ConversationDialog", u"ddd d MMM yyyy", None))
        self.messageLabel.setText("")
    # retranslateUi

