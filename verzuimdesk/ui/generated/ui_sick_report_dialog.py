# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sick_report_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTimeEdit, QVBoxLayout, QWidget)

class Ui_SickReportDialog(object):
    def setupUi(self, SickReportDialog):
        if not SickReportDialog.objectName():
            SickReportDialog.setObjectName(u"SickReportDialog")
        SickReportDialog.resize(660, 420)
        self.outer = QVBoxLayout(SickReportDialog)
        self.outer.setObjectName(u"outer")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.studentLabel = QLabel(SickReportDialog)
        self.studentLabel.setObjectName(u"studentLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.studentLabel)

        self.studentHost = QWidget(SickReportDialog)
        self.studentHost.setObjectName(u"studentHost")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.studentHost)

        self.openReportLabel = QLabel(SickReportDialog)
        self.openReportLabel.setObjectName(u"openReportLabel")
        self.openReportLabel.setWordWrap(True)
        self.openReportLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.openReportLabel)

        self.callerKindLabel = QLabel(SickReportDialog)
        self.callerKindLabel.setObjectName(u"callerKindLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.callerKindLabel)

        self.callerKind = QComboBox(SickReportDialog)
        self.callerKind.setObjectName(u"callerKind")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.callerKind)

        self.callerNameLabel = QLabel(SickReportDialog)
        self.callerNameLabel.setObjectName(u"callerNameLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.callerNameLabel)

        self.callerName = QLineEdit(SickReportDialog)
        self.callerName.setObjectName(u"callerName")
        self.callerName.setMaxLength(200)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.callerName)

        self.callTimeLabel = QLabel(SickReportDialog)
        self.callTimeLabel.setObjectName(u"callTimeLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.callTimeLabel)

        self.callTime = QTimeEdit(SickReportDialog)
        self.callTime.setObjectName(u"callTime")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.callTime)

        self.sickSinceLabel = QLabel(SickReportDialog)
        self.sickSinceLabel.setObjectName(u"sickSinceLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.sickSinceLabel)

        self.sickSince = QDateEdit(SickReportDialog)
        self.sickSince.setObjectName(u"sickSince")
        self.sickSince.setCalendarPopup(True)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.sickSince)

        self.reasonLabel = QLabel(SickReportDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QLineEdit(SickReportDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setMaxLength(1000)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reason)

        self.noteLabel = QLabel(SickReportDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.note = QLineEdit(SickReportDialog)
        self.note.setObjectName(u"note")
        self.note.setMaxLength(2000)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.note)


        self.outer.addLayout(self.form)

        self.explanation = QLabel(SickReportDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.outer.addWidget(self.explanation)

        self.message = QLabel(SickReportDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outer.addWidget(self.message)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.stretch)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.recoverButton = QPushButton(SickReportDialog)
        self.recoverButton.setObjectName(u"recoverButton")
        self.recoverButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.recoverButton)

        self.buttons = QDialogButtonBox(SickReportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.buttonRow.addWidget(self.buttons)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.callerKindLabel.setBuddy(self.callerKind)
        self.callerNameLabel.setBuddy(self.callerName)
        self.callTimeLabel.setBuddy(self.callTime)
        self.sickSinceLabel.setBuddy(self.sickSince)
        self.reasonLabel.setBuddy(self.reason)
        self.noteLabel.setBuddy(self.note)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.callerKind, self.callerName)
        QWidget.setTabOrder(self.callerName, self.reason)
        QWidget.setTabOrder(self.reason, self.callTime)
        QWidget.setTabOrder(self.callTime, self.sickSince)
        QWidget.setTabOrder(self.sickSince, self.note)

        self.retranslateUi(SickReportDialog)

        QMetaObject.connectSlotsByName(SickReportDialog)
    # setupUi

    def retranslateUi(self, SickReportDialog):
        SickReportDialog.setWindowTitle(QCoreApplication.translate("SickReportDialog", u"Ziekmelding", None))
        self.studentLabel.setText(QCoreApplication.translate("SickReportDialog", u"&Leerling:", None))
        self.callerKindLabel.setText(QCoreApplication.translate("SickReportDialog", u"&Wie belt:", None))
        self.callerNameLabel.setText(QCoreApplication.translate("SickReportDialog", u"&Naam beller:", None))
        self.callerName.setPlaceholderText(QCoreApplication.translate("SickReportDialog", u"bijv. moeder, mevrouw Jansen", None))
        self.callTimeLabel.setText(QCoreApplication.translate("SickReportDialog", u"&Tijd van de melding:", None))
        self.callTime.setDisplayFormat(QCoreApplication.translate("SickReportDialog", u"HH:mm", None))
        self.sickSinceLabel.setText(QCoreApplication.translate("SickReportDialog", u"Ziek &sinds:", None))
        self.sickSince.setDisplayFormat(QCoreApplication.translate("SickReportDialog", u"dd-MM-yyyy", None))
        self.reasonLabel.setText(QCoreApplication.translate("SickReportDialog", u"&Reden:", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("SickReportDialog", u"wat de beller zegt, bijv. griep, koorts, migraine", None))
        self.noteLabel.setText(QCoreApplication.translate("SickReportDialog", u"&Opmerking:", None))
        self.recoverButton.setText(QCoreApplication.translate("SickReportDialog", u"&Beter melden (F3)", None))
    # retranslateUi

