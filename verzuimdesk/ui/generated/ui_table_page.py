# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'table_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QSizePolicy, QTableView, QVBoxLayout,
    QWidget)

class Ui_TablePage(object):
    def setupUi(self, TablePage):
        if not TablePage.objectName():
            TablePage.setObjectName(u"TablePage")
        TablePage.resize(900, 600)
        self.outer = QVBoxLayout(TablePage)
        self.outer.setObjectName(u"outer")
        self.heading = QLabel(TablePage)
        self.heading.setObjectName(u"heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)

        self.outer.addWidget(self.heading)

        self.hint = QLabel(TablePage)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.outer.addWidget(self.hint)

        self.table = QTableView(TablePage)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        self.outer.addWidget(self.table)

        self.empty = QLabel(TablePage)
        self.empty.setObjectName(u"empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.outer.addWidget(self.empty)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")

        self.outer.addLayout(self.buttonRow)


        self.retranslateUi(TablePage)

        QMetaObject.connectSlotsByName(TablePage)
    # setupUi

    def retranslateUi(self, TablePage):
        pass
    # retranslateUi

