# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'leave_card_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QTimeEdit, QVBoxLayout,
    QWidget)

class Ui_LeaveCardDialog(object):
    def setupUi(self, LeaveCardDialog):
        if not LeaveCardDialog.objectName():
            LeaveCardDialog.setObjectName(u"LeaveCardDialog")
        LeaveCardDialog.resize(700, 500)
        self.outer = QVBoxLayout(LeaveCardDialog)
        self.outer.setObjectName(u"outer")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.studentLabel = QLabel(LeaveCardDialog)
        self.studentLabel.setObjectName(u"studentLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.studentLabel)

        self.studentHost = QWidget(LeaveCardDialog)
        self.studentHost.setObjectName(u"studentHost")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.studentHost)

        self.kindLabel = QLabel(LeaveCardDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kind = QComboBox(LeaveCardDialog)
        self.kind.setObjectName(u"kind")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind)

        self.subkindLabel = QLabel(LeaveCardDialog)
        self.subkindLabel.setObjectName(u"subkindLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.subkindLabel)

        self.subkind = QComboBox(LeaveCardDialog)
        self.subkind.setObjectName(u"subkind")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.subkind)

        self.startLabel = QLabel(LeaveCardDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startRow = QHBoxLayout()
        self.startRow.setObjectName(u"startRow")
        self.startDate = QDateEdit(LeaveCardDialog)
        self.startDate.setObjectName(u"startDate")
        self.startDate.setCalendarPopup(True)

        self.startRow.addWidget(self.startDate)

        self.startTime = QTimeEdit(LeaveCardDialog)
        self.startTime.setObjectName(u"startTime")

        self.startRow.addWidget(self.startTime)

        self.wholeDays = QCheckBox(LeaveCardDialog)
        self.wholeDays.setObjectName(u"wholeDays")
        self.wholeDays.setChecked(True)

        self.startRow.addWidget(self.wholeDays)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.startRow)

        self.endLabel = QLabel(LeaveCardDialog)
        self.endLabel.setObjectName(u"endLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endRow = QHBoxLayout()
        self.endRow.setObjectName(u"endRow")
        self.endDate = QDateEdit(LeaveCardDialog)
        self.endDate.setObjectName(u"endDate")
        self.endDate.setCalendarPopup(True)

        self.endRow.addWidget(self.endDate)

        self.endTime = QTimeEdit(LeaveCardDialog)
        self.endTime.setObjectName(u"endTime")

        self.endRow.addWidget(self.endTime)

        self.endSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.endRow.addItem(self.endSpacer)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.endRow)

        self.reasonLabel = QLabel(LeaveCardDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QLineEdit(LeaveCardDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setMaxLength(1000)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reason)

        self.employerStatement = QCheckBox(LeaveCardDialog)
        self.employerStatement.setObjectName(u"employerStatement")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.employerStatement)

        self.signedByLabel = QLabel(LeaveCardDialog)
        self.signedByLabel.setObjectName(u"signedByLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.signedByLabel)

        self.signRow = QHBoxLayout()
        self.signRow.setObjectName(u"signRow")
        self.signedBy = QLineEdit(LeaveCardDialog)
        self.signedBy.setObjectName(u"signedBy")
        self.signedBy.setMaxLength(200)

        self.signRow.addWidget(self.signedBy)

        self.signerRole = QComboBox(LeaveCardDialog)
        self.signerRole.setObjectName(u"signerRole")

        self.signRow.addWidget(self.signerRole)


        self.form.setLayout(7, QFormLayout.ItemRole.FieldRole, self.signRow)


        self.outer.addLayout(self.form)

        self.checkBox = QGroupBox(LeaveCardDialog)
        self.checkBox.setObjectName(u"checkBox")
        self.checkLayout = QVBoxLayout(self.checkBox)
        self.checkLayout.setObjectName(u"checkLayout")
        self.daysLabel = QLabel(self.checkBox)
        self.daysLabel.setObjectName(u"daysLabel")
        self.daysLabel.setWordWrap(True)

        self.checkLayout.addWidget(self.daysLabel)

        self.allowanceLabel = QLabel(self.checkBox)
        self.allowanceLabel.setObjectName(u"allowanceLabel")
        self.allowanceLabel.setWordWrap(True)

        self.checkLayout.addWidget(self.allowanceLabel)

        self.deciderLabel = QLabel(self.checkBox)
        self.deciderLabel.setObjectName(u"deciderLabel")
        self.deciderLabel.setWordWrap(True)

        self.checkLayout.addWidget(self.deciderLabel)

        self.problemsLabel = QLabel(self.checkBox)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)

        self.checkLayout.addWidget(self.problemsLabel)

        self.warningsLabel = QLabel(self.checkBox)
        self.warningsLabel.setObjectName(u"warningsLabel")
        self.warningsLabel.setWordWrap(True)

        self.checkLayout.addWidget(self.warningsLabel)


        self.outer.addWidget(self.checkBox)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.stretch)

        self.buttons = QDialogButtonBox(LeaveCardDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kind)
        self.subkindLabel.setBuddy(self.subkind)
        self.startLabel.setBuddy(self.startDate)
        self.endLabel.setBuddy(self.endDate)
        self.reasonLabel.setBuddy(self.reason)
        self.signedByLabel.setBuddy(self.signedBy)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind, self.subkind)
        QWidget.setTabOrder(self.subkind, self.startDate)
        QWidget.setTabOrder(self.startDate, self.startTime)
        QWidget.setTabOrder(self.startTime, self.wholeDays)
        QWidget.setTabOrder(self.wholeDays, self.endDate)
        QWidget.setTabOrder(self.endDate, self.endTime)
        QWidget.setTabOrder(self.endTime, self.reason)
        QWidget.setTabOrder(self.reason, self.employerStatement)
        QWidget.setTabOrder(self.employerStatement, self.signedBy)
        QWidget.setTabOrder(self.signedBy, self.signerRole)

        self.retranslateUi(LeaveCardDialog)

        QMetaObject.connectSlotsByName(LeaveCardDialog)
    # setupUi

    def retranslateUi(self, LeaveCardDialog):
        LeaveCardDialog.setWindowTitle(QCoreApplication.translate("LeaveCardDialog", u"Verlofkaart", None))
        self.studentLabel.setText(QCoreApplication.translate("LeaveCardDialog", u"&Leerling:", None))
        self.kindLabel.setText(QCoreApplication.translate("LeaveCardDialog", u"&Soort verlof:", None))
        self.subkindLabel.setText(QCoreApplication.translate("LeaveCardDialog", u"&Omstandigheid:", None))
        self.startLabel.setText(QCoreApplication.translate("LeaveCardDialog", u"&Van:", None))
        self.startDate.setDisplayFormat(QCoreApplication.translate("LeaveCardDialog", u"ddd dd-MM-yyyy", None))
        self.startTime.setDisplayFormat(QCoreApplication.translate("LeaveCardDialog", u"HH:mm", None))
        self.wholeDays.setText(QCoreApplication.translate("LeaveCardDialog", u"&hele dagen", None))
        self.endLabel.setText(QCoreApplication.translate("LeaveCardDialog", u"&Tot en met:", None))
        self.endDate.setDisplayFormat(QCoreApplication.translate("LeaveCardDialog", u"ddd dd-MM-yyyy", None))
        self.endTime.setDisplayFormat(QCoreApplication.translate("LeaveCardDialog", u"HH:mm", None))
        self.reasonLabel.setText(QCoreApplication.translate("LeaveCardDialog", u"&Reden:", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("LeaveCardDialog", u"zoals op de kaart, bijv. orthodontist, bruiloft oom", None))
        self.employerStatement.setText(QCoreApplication.translate("LeaveCardDialog", u"&Werkgeversverklaring zit erbij", None))
        self.signedByLabel.setText(QCoreApplication.translate("LeaveCardDialog", u"&Ondertekend door:", None))
        self.signedBy.setPlaceholderText(QCoreApplication.translate("LeaveCardDialog", u"naam zoals op de kaart", None))
#if QT_CONFIG(accessibility)
        self.signerRole.setAccessibleName(QCoreApplication.translate("LeaveCardDialog", u"Functie van de ondertekenaar", None))
#endif // QT_CONFIG(accessibility)
        self.checkBox.setTitle(QCoreApplication.translate("LeaveCardDialog", u"Controle", None))
    # retranslateUi

