# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'find_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_FindStudentDialog(object):
    def setupUi(self, FindStudentDialog):
        if not FindStudentDialog.objectName():
            FindStudentDialog.setObjectName(u"FindStudentDialog")
        FindStudentDialog.resize(640, 400)
        self.outer = QVBoxLayout(FindStudentDialog)
        self.outer.setObjectName(u"outer")
        self.hint = QLabel(FindStudentDialog)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.outer.addWidget(self.hint)

        self.studentHost = QWidget(FindStudentDialog)
        self.studentHost.setObjectName(u"studentHost")

        self.outer.addWidget(self.studentHost)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.stretch)

        self.buttons = QDialogButtonBox(FindStudentDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.outer.addWidget(self.buttons)


        self.retranslateUi(FindStudentDialog)

        QMetaObject.connectSlotsByName(FindStudentDialog)
    # setupUi

    def retranslateUi(self, FindStudentDialog):
        FindStudentDialog.setWindowTitle(QCoreApplication.translate("FindStudentDialog", u"Leerling zoeken", None))
        self.hint.setText(QCoreApplication.translate("FindStudentDialog", u"Typ een deel van de naam, het leerlingnummer, de klas of de geboortedatum; kies met de pijltjes en Enter om het dossier te openen.", None))
    # retranslateUi

