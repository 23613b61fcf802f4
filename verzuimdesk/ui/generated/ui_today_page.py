# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'today_page.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_TodayPage(object):
    def setupUi(self, TodayPage):
        if not TodayPage.objectName():
            TodayPage.setObjectName(u"TodayPage")
        TodayPage.resize(900, 600)
        self.outer = QVBoxLayout(TodayPage)
        self.outer.setObjectName(u"outer")
        self.heading = QLabel(TodayPage)
        self.heading.setObjectName(u"heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)

        self.outer.addWidget(self.heading)

        self.summary = QLabel(TodayPage)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        self.outer.addWidget(self.summary)

        self.actions = QGridLayout()
        self.actions.setObjectName(u"actions")
        self.sickButton = QPushButton(TodayPage)
        self.sickButton.setObjectName(u"sickButton")
        self.sickButton.setMinimumSize(QSize(0, 48))

        self.actions.addWidget(self.sickButton, 0, 0, 1, 1)

        self.betterButton = QPushButton(TodayPage)
        self.betterButton.setObjectName(u"betterButton")
        self.betterButton.setMinimumSize(QSize(0, 48))

        self.actions.addWidget(self.betterButton, 0, 1, 1, 1)

        self.leaveButton = QPushButton(TodayPage)
        self.leaveButton.setObjectName(u"leaveButton")
        self.leaveButton.setMinimumSize(QSize(0, 48))

        self.actions.addWidget(self.leaveButton, 1, 0, 1, 1)

        self.findButton = QPushButton(TodayPage)
        self.findButton.setObjectName(u"findButton")
        self.findButton.setMinimumSize(QSize(0, 48))

        self.actions.addWidget(self.findButton, 1, 1, 1, 1)


        self.outer.addLayout(self.actions)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.stretch)


        self.retranslateUi(TodayPage)

        QMetaObject.connectSlotsByName(TodayPage)
    # setupUi

    def retranslateUi(self, TodayPage):
        self.sickButton.setText(QCoreApplication.translate("TodayPage", u"Ziekmelding  (F2)", None))
        self.betterButton.setText(QCoreApplication.translate("TodayPage", u"Beter-melding  (F3)", None))
        self.leaveButton.setText(QCoreApplication.translate("TodayPage", u"Verlofkaart  (F4)", None))
        self.findButton.setText(QCoreApplication.translate("TodayPage", u"Leerling zoeken  (Ctrl+F)", None))
        pass
    # retranslateUi

