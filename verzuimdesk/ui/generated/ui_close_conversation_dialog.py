# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'close_conversation_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_CloseConversationDialog(object):
    def setupUi(self, CloseConversationDialog):
        if not CloseConversationDialog.objectName():
            CloseConversationDialog.setObjectName(u"CloseConversationDialog")
        CloseConversationDialog.resize(600, 440)
        self.dialogLayout = QVBoxLayout(CloseConversationDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.studentLabel = QLabel(CloseConversationDialog)
        self.studentLabel.setObjectName(u"studentLabel")
        self.studentLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.studentLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.conversationLabel = QLabel(CloseConversationDialog)
        self.conversationLabel.setObjectName(u"conversationLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.conversationLabel)

        self.conversationCombo = QComboBox(CloseConversationDialog)
        self.conversationCombo.setObjectName(u"conversationCombo")
        self.conversationCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.conversationCombo.setMinimumContentsLength(30)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.conversationCombo)

        self.agreementsCaption = QLabel(CloseConversationDialog)
        self.agreementsCaption.setObjectName(u"agreementsCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.agreementsCaption)

        self.agreementsLabel = QLabel(CloseConversationDialog)
        self.agreementsLabel.setObjectName(u"agreementsLabel")
        self.agreementsLabel.setWordWrap(True)
        self.agreementsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.agreementsLabel)

        self.closedOnLabel = QLabel(CloseConversationDialog)
        self.closedOnLabel.setObjectName(u"closedOnLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.closedOnLabel)

        self.closedOnEdit = QDateEdit(CloseConversationDialog)
        self.closedOnEdit.setObjectName(u"closedOnEdit")
        self.closedOnEdit.setCalendarPopup(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.closedOnEdit)

        self.evaluationLabel = QLabel(CloseConversationDialog)
        self.evaluationLabel.setObjectName(u"evaluationLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.evaluationLabel)

        self.evaluationEdit = QPlainTextEdit(CloseConversationDialog)
        self.evaluationEdit.setObjectName(u"evaluationEdit")
        self.evaluationEdit.setTabChangesFocus(True)
        self.evaluationEdit.setMinimumSize(QSize(0, 110))

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.evaluationEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(CloseConversationDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.messageLabel = QLabel(CloseConversationDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(CloseConversationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.conversationLabel.setBuddy(self.conversationCombo)
        self.closedOnLabel.setBuddy(self.closedOnEdit)
        self.evaluationLabel.setBuddy(self.evaluationEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.conversationCombo, self.closedOnEdit)
        QWidget.setTabOrder(self.closedOnEdit, self.evaluationEdit)
        QWidget.setTabOrder(self.evaluationEdit, self.buttonBox)

        self.retranslateUi(CloseConversationDialog)

        QMetaObject.connectSlotsByName(CloseConversationDialog)
    # setupUi

    def retranslateUi(self, CloseConversationDialog):
        CloseConversationDialog.setWindowTitle(QCoreApplication.translate("CloseConversationDialog", u"Verzuimgesprek afronden", None))
        self.studentLabel.setText("")
        self.conversationLabel.setText(QCoreApplication.translate("CloseConversationDialog", u"&Gesprek:", None))
#if QT_CONFIG(accessibility)
        self.conversationCombo.setAccessibleName(QCoreApplication.translate("CloseConversationDialog", u"Gesprek", None))
#endif // QT_CONFIG(accessibility)
        self.agreementsCaption.setText(QCoreApplication.translate("CloseConversationDialog", u"Afspraken:", None))
        self.agreementsLabel.setText("")
        self.closedOnLabel.setText(QCoreApplication.translate("CloseConversationDialog", u"&Datum afronding:", None))
#if QT_CONFIG(accessibility)
        self.closedOnEdit.setAccessibleName(QCoreApplication.translate("CloseConversationDialog", u"Datum afronding", None))
#endif // QT_CONFIG(accessibility)
        self.closedOnEdit.setDisplayFormat(QCoreApplication.translate("CloseConversationDialog", u"ddd d MMM yyyy", None))
        self.evaluationLabel.setText(QCoreApplication.translate("CloseConversationDialog", u"&Evaluatie:", None))
#if QT_CONFIG(accessibility)
        self.evaluationEdit.setAccessibleName(QCoreApplication.translate("CloseConversationDialog", u"Evaluatie", None))
#endif // QT_CONFIG(accessibility)
        self.evaluationEdit.setPlaceholderText(QCoreApplication.translate("CloseConversationDialog", u"Zijn de afspraken nagekomen? Wat is het vervolg (terug naar school, nieuw gesprek, melden, doorverwijzen)?", None))
        self.hintLabel.setText(QCoreApplication.translate("CloseConversationDialog", u"Na het afronden staan de controles en de evaluatie van dit gesprek niet meer op de bellijst.", None))
        self.messageLabel.setText("")
    # retranslateUi

