# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dossier_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_DossierPage(object):
    def setupUi(self, DossierPage):
        if not DossierPage.objectName():
            DossierPage.setObjectName(u"DossierPage")
        DossierPage.resize(1160, 700)
        self.pageLayout = QVBoxLayout(DossierPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.topBar = QHBoxLayout()
        self.topBar.setObjectName(u"topBar")
        self.searchLayout = QHBoxLayout()
        self.searchLayout.setObjectName(u"searchLayout")

        self.topBar.addLayout(self.searchLayout)

        self.noteButton = QPushButton(DossierPage)
        self.noteButton.setObjectName(u"noteButton")

        self.topBar.addWidget(self.noteButton)

        self.conversationButton = QPushButton(DossierPage)
        self.conversationButton.setObjectName(u"conversationButton")

        self.topBar.addWidget(self.conversationButton)


        self.pageLayout.addLayout(self.topBar)

        self.noteBar = QWidget(DossierPage)
        self.noteBar.setObjectName(u"noteBar")
        self.noteLayout = QHBoxLayout(self.noteBar)
        self.noteLayout.setObjectName(u"noteLayout")
        self.noteLayout.setContentsMargins(0, 0, 0, 0)
        self.noteKindCombo = QComboBox(self.noteBar)
        self.noteKindCombo.setObjectName(u"noteKindCombo")

        self.noteLayout.addWidget(self.noteKindCombo)

        self.noteEdit = QLineEdit(self.noteBar)
        self.noteEdit.setObjectName(u"noteEdit")

        self.noteLayout.addWidget(self.noteEdit)


        self.pageLayout.addWidget(self.noteBar)

        self.messageLabel = QLabel(DossierPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.messageLabel)

        self.emptyLabel = QLabel(DossierPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.pageLayout.addWidget(self.emptyLabel)

        self.dossier = QWidget(DossierPage)
        self.dossier.setObjectName(u"dossier")
        self.dossierLayout = QVBoxLayout(self.dossier)
        self.dossierLayout.setObjectName(u"dossierLayout")
        self.dossierLayout.setContentsMargins(0, 0, 0, 0)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.headerLabel = QLabel(self.dossier)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setWordWrap(True)
        self.headerLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.headerLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.addWidget(self.headerLabel)

        self.contactsLayout = QVBoxLayout()
        self.contactsLayout.setObjectName(u"contactsLayout")
        self.contactsLabel = QLabel(self.dossier)
        self.contactsLabel.setObjectName(u"contactsLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.contactsLabel.sizePolicy().hasHeightForWidth())
        self.contactsLabel.setSizePolicy(sizePolicy)
        self.contactsLabel.setWordWrap(True)
        self.contactsLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.contactsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.contactsLayout.addWidget(self.contactsLabel)

        self.consentBar = QHBoxLayout()
        self.consentBar.setObjectName(u"consentBar")
        self.consentButton = QPushButton(self.dossier)
        self.consentButton.setObjectName(u"consentButton")

        self.consentBar.addWidget(self.consentButton)

        self.consentStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.consentBar.addItem(self.consentStretch)


        self.contactsLayout.addLayout(self.consentBar)

        self.contactsStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)

        self.contactsLayout.addItem(self.contactsStretch)

        self.contactsLayout.setStretch(2, 1)

        self.headerLayout.addLayout(self.contactsLayout)

        self.signalsLabel = QLabel(self.dossier)
        self.signalsLabel.setObjectName(u"signalsLabel")
        self.signalsLabel.setWordWrap(True)
        self.signalsLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.signalsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.addWidget(self.signalsLabel)


        self.dossierLayout.addLayout(self.headerLayout)

        self.tabs = QTabWidget(self.dossier)
        self.tabs.setObjectName(u"tabs")
        self.timelineTab = QWidget()
        self.timelineTab.setObjectName(u"timelineTab")
        self.timelineLayout = QVBoxLayout(self.timelineTab)
        self.timelineLayout.setObjectName(u"timelineLayout")
        self.timelineView = QTableView(self.timelineTab)
        self.timelineView.setObjectName(u"timelineView")
        self.timelineView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timelineView.setAlternatingRowColors(True)
        self.timelineView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timelineView.setSortingEnabled(True)
        self.timelineView.setWordWrap(False)

        self.timelineLayout.addWidget(self.timelineView)

        self.tabs.addTab(self.timelineTab, "")
        self.chartTab = QWidget()
        self.chartTab.setObjectName(u"chartTab")
        self.chartLayout = QVBoxLayout(self.chartTab)
        self.chartLayout.setObjectName(u"chartLayout")
        self.totalsLabel = QLabel(self.chartTab)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setWordWrap(True)

        self.chartLayout.addWidget(self.totalsLabel)

        self.tabs.addTab(self.chartTab, "")
        self.patternTab = QWidget()
        self.patternTab.setObjectName(u"patternTab")
        self.patternLayout = QHBoxLayout(self.patternTab)
        self.patternLayout.setObjectName(u"patternLayout")
        self.heatLayout = QVBoxLayout()
        self.heatLayout.setObjectName(u"heatLayout")
        self.heatBar = QHBoxLayout()
        self.heatBar.setObjectName(u"heatBar")
        self.heatLabel = QLabel(self.patternTab)
        self.heatLabel.setObjectName(u"heatLabel")

        self.heatBar.addWidget(self.heatLabel)

        self.heatCategoryCombo = QComboBox(self.patternTab)
        self.heatCategoryCombo.setObjectName(u"heatCategoryCombo")

        self.heatBar.addWidget(self.heatCategoryCombo)


        self.heatLayout.addLayout(self.heatBar)


        self.patternLayout.addLayout(self.heatLayout)

        self.tallyLayout = QVBoxLayout()
        self.tallyLayout.setObjectName(u"tallyLayout")
        self.subjectLabel = QLabel(self.patternTab)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.tallyLayout.addWidget(self.subjectLabel)

        self.subjectView = QTableView(self.patternTab)
        self.subjectView.setObjectName(u"subjectView")
        self.subjectView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.subjectView.setSortingEnabled(True)

        self.tallyLayout.addWidget(self.subjectView)

        self.teacherLabel = QLabel(self.patternTab)
        self.teacherLabel.setObjectName(u"teacherLabel")

        self.tallyLayout.addWidget(self.teacherLabel)

        self.teacherView = QTableView(self.patternTab)
        self.teacherView.setObjectName(u"teacherView")
        self.teacherView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.teacherView.setSortingEnabled(True)

        self.tallyLayout.addWidget(self.teacherView)


        self.patternLayout.addLayout(self.tallyLayout)

        self.tabs.addTab(self.patternTab, "")
        self.conversationTab = QWidget()
        self.conversationTab.setObjectName(u"conversationTab")
        self.conversationLayout = QVBoxLayout(self.conversationTab)
        self.conversationLayout.setObjectName(u"conversationLayout")
        self.conversationView = QTableView(self.conversationTab)
        self.conversationView.setObjectName(u"conversationView")
        self.conversationView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conversationView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conversationView.setSortingEnabled(True)

        self.conversationLayout.addWidget(self.conversationView)

        self.conversationBar = QHBoxLayout()
        self.conversationBar.setObjectName(u"conversationBar")
        self.closeConversationButton = QPushButton(self.conversationTab)
        self.closeConversationButton.setObjectName(u"closeConversationButton")

        self.conversationBar.addWidget(self.closeConversationButton)

        self.conversationStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.conversationBar.addItem(self.conversationStretch)


        self.conversationLayout.addLayout(self.conversationBar)

        self.tabs.addTab(self.conversationTab, "")

        self.dossierLayout.addWidget(self.tabs)

        self.dossierLayout.setStretch(1, 1)

        self.pageLayout.addWidget(self.dossier)

#if QT_CONFIG(shortcut)
        self.heatLabel.setBuddy(self.heatCategoryCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DossierPage)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(DossierPage)
    # setupUi

    def retranslateUi(self, DossierPage):
        self.noteButton.setText(QCoreApplication.translate("DossierPage", u"&Notitie (Ctrl+N)", None))
#if QT_CONFIG(tooltip)
        self.noteButton.setToolTip(QCoreApplication.translate("DossierPage", u"Notitie toevoegen; Ctrl+Shift+N voor \"niet pluis\"", None))
#endif // QT_CONFIG(tooltip)
        self.conversationButton.setText(QCoreApplication.translate("DossierPage", u"&Verzuimgesprek vastleggen\u2026", None))
#if QT_CONFIG(accessibility)
        self.noteKindCombo.setAccessibleName(QCoreApplication.translate("DossierPage", u"Soort notitie", None))
#endif // QT_CONFIG(accessibility)
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("DossierPage", u"typ de notitie en druk op Enter; Esc sluit", None))
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("DossierPage", u"Notitie", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
        self.emptyLabel.setText(QCoreApplication.translate("DossierPage", u"Zoek hierboven een leerling op naam, leerlingnummer, klas of geboortedatum, of open een dossier vanuit de bellijst.", None))
        self.headerLabel.setText("")
        self.contactsLabel.setText("")
        self.consentButton.setText(QCoreApplication.translate("DossierPage", u"Toestemming &wijzigen\u2026", None))
#if QT_CONFIG(tooltip)
        self.consentButton.setToolTip(QCoreApplication.translate("DossierPage", u"Vastleggen of de student toestemming geeft om de ouders/verzorgers te informeren (R-OUDERS)", None))
#endif // QT_CONFIG(tooltip)
        self.signalsLabel.setText("")
#if QT_CONFIG(accessibility)
        self.timelineView.setAccessibleName(QCoreApplication.translate("DossierPage", u"Tijdlijn", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.timelineTab), QCoreApplication.translate("DossierPage", u"&Tijdlijn", None))
        self.totalsLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.chartTab), QCoreApplication.translate("DossierPage", u"&Uren per week", None))
        self.heatLabel.setText(QCoreApplication.translate("DossierPage", u"Per dag en lesuur, dit schooljaar:", None))
#if QT_CONFIG(accessibility)
        self.heatCategoryCombo.setAccessibleName(QCoreApplication.translate("DossierPage", u"Soort verzuim in de heatmap", None))
#endif // QT_CONFIG(accessibility)
        self.subjectLabel.setText(QCoreApplication.translate("DossierPage", u"Per vak", None))
#if QT_CONFIG(accessibility)
        self.subjectView.setAccessibleName(QCoreApplication.translate("DossierPage", u"Verzuim per vak", None))
#endif // QT_CONFIG(accessibility)
        self.teacherLabel.setText(QCoreApplication.translate("DossierPage", u"Per docent", None))
#if QT_CONFIG(accessibility)
        self.teacherView.setAccessibleName(QCoreApplication.translate("DossierPage", u"Verzuim per docent", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.patternTab), QCoreApplication.translate("DossierPage", u"&Patronen", None))
#if QT_CONFIG(accessibility)
        self.conversationView.setAccessibleName(QCoreApplication.translate("DossierPage", u"Verzuimgesprekken", None))
#endif // QT_CONFIG(accessibility)
        self.closeConversationButton.setText(QCoreApplication.translate("DossierPage", u"Gesprek &afronden\u2026 (Ctrl+E)", None))
#if QT_CONFIG(tooltip)
        self.closeConversationButton.setToolTip(QCoreApplication.translate("DossierPage", u"Het gekozen open verzuimgesprek afronden met de evaluatie (uiterlijk 6 weken na het gesprek)", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.conversationTab), QCoreApplication.translate("DossierPage", u"&Gesprekken en afspraken", None))
        pass
    # retranslateUi

