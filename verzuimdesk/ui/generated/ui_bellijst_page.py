# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'bellijst_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QFormLayout, QFrame, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QRadioButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSplitter, QTableView, QVBoxLayout,
    QWidget)

from verzuimdesk.ui.widgets.elided_label import ElidedLabel

class Ui_BellijstPage(object):
    def setupUi(self, BellijstPage):
        if not BellijstPage.objectName():
            BellijstPage.setObjectName(u"BellijstPage")
        BellijstPage.resize(1160, 700)
        self.pageLayout = QVBoxLayout(BellijstPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.topBar = QHBoxLayout()
        self.topBar.setObjectName(u"topBar")
        self.titleLabel = QLabel(BellijstPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.topBar.addWidget(self.titleLabel)

        self.dateLabel = QLabel(BellijstPage)
        self.dateLabel.setObjectName(u"dateLabel")

        self.topBar.addWidget(self.dateLabel)

        self.dateEdit = QDateEdit(BellijstPage)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.topBar.addWidget(self.dateEdit)

        self.todayButton = QPushButton(BellijstPage)
        self.todayButton.setObjectName(u"todayButton")

        self.topBar.addWidget(self.todayButton)

        self.progressLabel = ElidedLabel(BellijstPage)
        self.progressLabel.setObjectName(u"progressLabel")

        self.topBar.addWidget(self.progressLabel)

        self.dossierButton = QPushButton(BellijstPage)
        self.dossierButton.setObjectName(u"dossierButton")

        self.topBar.addWidget(self.dossierButton)

        self.printButton = QPushButton(BellijstPage)
        self.printButton.setObjectName(u"printButton")

        self.topBar.addWidget(self.printButton)

        self.exportButton = QPushButton(BellijstPage)
        self.exportButton.setObjectName(u"exportButton")

        self.topBar.addWidget(self.exportButton)


        self.pageLayout.addLayout(self.topBar)

        self.filterBar = QHBoxLayout()
        self.filterBar.setObjectName(u"filterBar")
        self.filterLabel = QLabel(BellijstPage)
        self.filterLabel.setObjectName(u"filterLabel")

        self.filterBar.addWidget(self.filterLabel)

        self.filterEdit = QLineEdit(BellijstPage)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setMinimumSize(QSize(160, 0))
        self.filterEdit.setMaximumSize(QSize(260, 16777215))
        self.filterEdit.setClearButtonEnabled(True)

        self.filterBar.addWidget(self.filterEdit)

        self.klasLabel = QLabel(BellijstPage)
        self.klasLabel.setObjectName(u"klasLabel")

        self.filterBar.addWidget(self.klasLabel)

        self.klasCombo = QComboBox(BellijstPage)
        self.klasCombo.setObjectName(u"klasCombo")

        self.filterBar.addWidget(self.klasCombo)

        self.opleidingLabel = QLabel(BellijstPage)
        self.opleidingLabel.setObjectName(u"opleidingLabel")

        self.filterBar.addWidget(self.opleidingLabel)

        self.opleidingCombo = QComboBox(BellijstPage)
        self.opleidingCombo.setObjectName(u"opleidingCombo")

        self.filterBar.addWidget(self.opleidingCombo)

        self.notCalledCheck = QCheckBox(BellijstPage)
        self.notCalledCheck.setObjectName(u"notCalledCheck")

        self.filterBar.addWidget(self.notCalledCheck)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterBar.addItem(self.filterSpacer)


        self.pageLayout.addLayout(self.filterBar)

        self.noticeLabel = QLabel(BellijstPage)
        self.noticeLabel.setObjectName(u"noticeLabel")
        self.noticeLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.noticeLabel)

        self.splitter = QSplitter(BellijstPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.splitter.addWidget(self.table)
        self.panel = QWidget(self.splitter)
        self.panel.setObjectName(u"panel")
        self.panel.setMinimumSize(QSize(300, 0))
        self.panelLayout = QVBoxLayout(self.panel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(6, 0, 0, 0)
        self.detailScroll = QScrollArea(self.panel)
        self.detailScroll.setObjectName(u"detailScroll")
        self.detailScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detailScroll.setWidgetResizable(True)
        self.detailScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detailContents = QWidget()
        self.detailContents.setObjectName(u"detailContents")
        self.detailLayout = QVBoxLayout(self.detailContents)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.detailLabel = QLabel(self.detailContents)
        self.detailLabel.setObjectName(u"detailLabel")
        self.detailLabel.setWordWrap(True)
        self.detailLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.detailLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.detailLabel)

        self.detailScroll.setWidget(self.detailContents)

        self.panelLayout.addWidget(self.detailScroll)

        self.callBox = QGroupBox(self.panel)
        self.callBox.setObjectName(u"callBox")
        self.callLayout = QVBoxLayout(self.callBox)
        self.callLayout.setObjectName(u"callLayout")
        self.outcome1 = QRadioButton(self.callBox)
        self.outcome1.setObjectName(u"outcome1")

        self.callLayout.addWidget(self.outcome1)

        self.outcome2 = QRadioButton(self.callBox)
        self.outcome2.setObjectName(u"outcome2")

        self.callLayout.addWidget(self.outcome2)

        self.outcome3 = QRadioButton(self.callBox)
        self.outcome3.setObjectName(u"outcome3")

        self.callLayout.addWidget(self.outcome3)

        self.outcome4 = QRadioButton(self.callBox)
        self.outcome4.setObjectName(u"outcome4")

        self.callLayout.addWidget(self.outcome4)

        self.callForm = QFormLayout()
        self.callForm.setObjectName(u"callForm")
        self.callForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.contactLabel = QLabel(self.callBox)
        self.contactLabel.setObjectName(u"contactLabel")

        self.callForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.contactLabel)

        self.contactCombo = QComboBox(self.callBox)
        self.contactCombo.setObjectName(u"contactCombo")

        self.callForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.contactCombo)

        self.noteLabel = QLabel(self.callBox)
        self.noteLabel.setObjectName(u"noteLabel")

        self.callForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(self.callBox)
        self.noteEdit.setObjectName(u"noteEdit")

        self.callForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.noteEdit)

        self.followUpCheck = QCheckBox(self.callBox)
        self.followUpCheck.setObjectName(u"followUpCheck")

        self.callForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.followUpCheck)

        self.followUpEdit = QDateEdit(self.callBox)
        self.followUpEdit.setObjectName(u"followUpEdit")
        self.followUpEdit.setCalendarPopup(True)

        self.callForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.followUpEdit)


        self.callLayout.addLayout(self.callForm)

        self.checkedBox = QCheckBox(self.callBox)
        self.checkedBox.setObjectName(u"checkedBox")

        self.callLayout.addWidget(self.checkedBox)

        self.messageLabel = QLabel(self.callBox)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.callLayout.addWidget(self.messageLabel)

        self.callButtons = QHBoxLayout()
        self.callButtons.setObjectName(u"callButtons")
        self.saveButton = QPushButton(self.callBox)
        self.saveButton.setObjectName(u"saveButton")

        self.callButtons.addWidget(self.saveButton)


        self.callLayout.addLayout(self.callButtons)


        self.panelLayout.addWidget(self.callBox)

        self.ziek6Frame = QFrame(self.panel)
        self.ziek6Frame.setObjectName(u"ziek6Frame")
        self.ziek6Frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.ziek6Layout = QVBoxLayout(self.ziek6Frame)
        self.ziek6Layout.setObjectName(u"ziek6Layout")
        self.ziek6Label = QLabel(self.ziek6Frame)
        self.ziek6Label.setObjectName(u"ziek6Label")
        self.ziek6Label.setWordWrap(True)

        self.ziek6Layout.addWidget(self.ziek6Label)

        self.ziek6Reason = QLineEdit(self.ziek6Frame)
        self.ziek6Reason.setObjectName(u"ziek6Reason")

        self.ziek6Layout.addWidget(self.ziek6Reason)

        self.ziek6Button = QPushButton(self.ziek6Frame)
        self.ziek6Button.setObjectName(u"ziek6Button")

        self.ziek6Layout.addWidget(self.ziek6Button)


        self.panelLayout.addWidget(self.ziek6Frame)

        self.splitter.addWidget(self.panel)

        self.pageLayout.addWidget(self.splitter)

        self.pageLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.filterLabel.setBuddy(self.filterEdit)
        self.klasLabel.setBuddy(self.klasCombo)
        self.opleidingLabel.setBuddy(self.opleidingCombo)
        self.contactLabel.setBuddy(self.contactCombo)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(BellijstPage)

        QMetaObject.connectSlotsByName(BellijstPage)
    # setupUi

    def retranslateUi(self, BellijstPage):
        self.titleLabel.setText(QCoreApplication.translate("BellijstPage", u"<b>Bellijst</b>", None))
        self.dateLabel.setText(QCoreApplication.translate("BellijstPage", u"&Datum:", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("BellijstPage", u"ddd d MMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("BellijstPage", u"Datum van de bellijst", None))
#endif // QT_CONFIG(accessibility)
        self.todayButton.setText(QCoreApplication.translate("BellijstPage", u"&Vandaag", None))
        self.progressLabel.setText("")
#if QT_CONFIG(accessibility)
        self.progressLabel.setAccessibleName(QCoreApplication.translate("BellijstPage", u"Voortgang", None))
#endif // QT_CONFIG(accessibility)
        self.dossierButton.setText(QCoreApplication.translate("BellijstPage", u"D&ossier openen", None))
#if QT_CONFIG(tooltip)
        self.dossierButton.setToolTip(QCoreApplication.translate("BellijstPage", u"Dossier van de gekozen leerling (Ctrl+O)", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("BellijstPage", u"&Afdrukken (PDF)\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("BellijstPage", u"&Excel\u2026", None))
        self.filterLabel.setText(QCoreApplication.translate("BellijstPage", u"&Filter:", None))
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("BellijstPage", u"naam of leerlingnummer", None))
#if QT_CONFIG(tooltip)
        self.filterEdit.setToolTip(QCoreApplication.translate("BellijstPage", u"Filter op naam of leerlingnummer (Alt+F); Esc wist het filter, Enter gaat naar de lijst", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.filterEdit.setAccessibleName(QCoreApplication.translate("BellijstPage", u"Filter op naam of leerlingnummer", None))
#endif // QT_CONFIG(accessibility)
        self.klasLabel.setText(QCoreApplication.translate("BellijstPage", u"&Klas:", None))
#if QT_CONFIG(tooltip)
        self.klasCombo.setToolTip(QCoreApplication.translate("BellijstPage", u"Alleen deze klas (Alt+K; typ de klas, Esc: alle klassen)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.klasCombo.setAccessibleName(QCoreApplication.translate("BellijstPage", u"Filter op klas", None))
#endif // QT_CONFIG(accessibility)
        self.opleidingLabel.setText(QCoreApplication.translate("BellijstPage", u"O&pleiding:", None))
#if QT_CONFIG(tooltip)
        self.opleidingCombo.setToolTip(QCoreApplication.translate("BellijstPage", u"Alleen deze opleiding of dit team (Alt+P; Esc: alle opleidingen)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.opleidingCombo.setAccessibleName(QCoreApplication.translate("BellijstPage", u"Filter op opleiding", None))
#endif // QT_CONFIG(accessibility)
        self.notCalledCheck.setText(QCoreApplication.translate("BellijstPage", u"a&lleen nog niet gebeld", None))
#if QT_CONFIG(tooltip)
        self.notCalledCheck.setToolTip(QCoreApplication.translate("BellijstPage", u"Verberg wie vandaag al gebeld is (Alt+L)", None))
#endif // QT_CONFIG(tooltip)
        self.noticeLabel.setText("")
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("BellijstPage", u"Bellijst", None))
#endif // QT_CONFIG(accessibility)
        self.detailLabel.setText("")
        self.callBox.setTitle(QCoreApplication.translate("BellijstPage", u"Gesprek vastleggen (Enter)", None))
        self.outcome1.setText(QCoreApplication.translate("BellijstPage", u"&1  bereikt", None))
        self.outcome2.setText(QCoreApplication.translate("BellijstPage", u"&2  niet bereikt", None))
        self.outcome3.setText(QCoreApplication.translate("BellijstPage", u"&3  voicemail ingesproken", None))
        self.outcome4.setText(QCoreApplication.translate("BellijstPage", u"&4  verkeerd nummer", None))
        self.contactLabel.setText(QCoreApplication.translate("BellijstPage", u"&Met wie:", None))
#if QT_CONFIG(accessibility)
        self.contactCombo.setAccessibleName(QCoreApplication.translate("BellijstPage", u"Met wie gebeld", None))
#endif // QT_CONFIG(accessibility)
        self.noteLabel.setText(QCoreApplication.translate("BellijstPage", u"&Notitie:", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("BellijstPage", u"wat is er besproken?", None))
        self.followUpCheck.setText(QCoreApplication.translate("BellijstPage", u"&Terugbellen op:", None))
        self.followUpEdit.setDisplayFormat(QCoreApplication.translate("BellijstPage", u"ddd d MMM yyyy", None))
        self.checkedBox.setText(QCoreApplication.translate("BellijstPage", u"Afspraken uit het verzuimgesprek &gecontroleerd", None))
        self.messageLabel.setText("")
        self.saveButton.setText(QCoreApplication.translate("BellijstPage", u"Op&slaan en volgende (Ctrl+Enter)", None))
        self.ziek6Label.setText("")
        self.ziek6Reason.setPlaceholderText(QCoreApplication.translate("BellijstPage", u"reden (verplicht), bijv. 2x gebeld, geen gehoor", None))
#if QT_CONFIG(accessibility)
        self.ziek6Reason.setAccessibleName(QCoreApplication.translate("BellijstPage", u"Reden voor omzetten naar ongeoorloofd", None))
#endif // QT_CONFIG(accessibility)
        self.ziek6Button.setText(QCoreApplication.translate("BellijstPage", u"Ziek omzetten naar &ongeoorloofd (R-ZIEK-6)", None))
        pass
    # retranslateUi

