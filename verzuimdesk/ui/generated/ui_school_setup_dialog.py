# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'school_setup_dialog.ui'
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
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_SchoolSetupDialog(object):
    def setupUi(self, SchoolSetupDialog):
        if not SchoolSetupDialog.objectName():
            SchoolSetupDialog.setObjectName(u"SchoolSetupDialog")
        SchoolSetupDialog.resize(560, 300)
        self.outer = QVBoxLayout(SchoolSetupDialog)
        self.outer.setObjectName(u"outer")
        self.intro = QLabel(SchoolSetupDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.outer.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.nameLabel = QLabel(SchoolSetupDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(SchoolSetupDialog)
        self.name.setObjectName(u"name")
        self.name.setMaxLength(200)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.sectorLabel = QLabel(SchoolSetupDialog)
        self.sectorLabel.setObjectName(u"sectorLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sectorLabel)

        self.sector = QComboBox(SchoolSetupDialog)
        self.sector.setObjectName(u"sector")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sector)

        self.regionLabel = QLabel(SchoolSetupDialog)
        self.regionLabel.setObjectName(u"regionLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.regionLabel)

        self.region = QComboBox(SchoolSetupDialog)
        self.region.setObjectName(u"region")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.region)

        self.policyLabel = QLabel(SchoolSetupDialog)
        self.policyLabel.setObjectName(u"policyLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.policyLabel)

        self.policy = QComboBox(SchoolSetupDialog)
        self.policy.setObjectName(u"policy")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.policy)


        self.outer.addLayout(self.form)

        self.message = QLabel(SchoolSetupDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(SchoolSetupDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.sectorLabel.setBuddy(self.sector)
        self.regionLabel.setBuddy(self.region)
        self.policyLabel.setBuddy(self.policy)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SchoolSetupDialog)

        QMetaObject.connectSlotsByName(SchoolSetupDialog)
    # setupUi

    def retranslateUi(self, SchoolSetupDialog):
        SchoolSetupDialog.setWindowTitle(QCoreApplication.translate("SchoolSetupDialog", u"School instellen", None))
        self.intro.setText(QCoreApplication.translate("SchoolSetupDialog", u"Welkom bij verzuimdesk. Deze database is nog leeg: vul de gegevens van de school in. Dit kan later worden gewijzigd onder Instellingen.", None))
        self.nameLabel.setText(QCoreApplication.translate("SchoolSetupDialog", u"&Naam van de school:", None))
        self.sectorLabel.setText(QCoreApplication.translate("SchoolSetupDialog", u"&Sector:", None))
        self.regionLabel.setText(QCoreApplication.translate("SchoolSetupDialog", u"&Vakantieregio:", None))
        self.policyLabel.setText(QCoreApplication.translate("SchoolSetupDialog", u"&Beleidsprofiel:", None))
    # retranslateUi

