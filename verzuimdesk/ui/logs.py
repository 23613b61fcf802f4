"""The rotating log file in the platform log folder, with Qt's own warnings routed into it."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from verzuimdesk import paths
from verzuimdesk.privacy import install_log_scrubbing, private_log_handler

LOG_NAME = "verzuimdesk.log"
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    where = f" ({context.file}:{context.line})" if context.file else ""
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)


def setup_logging() -> Path:
    path = paths.log_dir() / LOG_NAME
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    # no personal data in the log: no SQL values, no quoted names (verzuimdesk/privacy.py)
    install_log_scrubbing()
    private_log_handler(handler, path)
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    qInstallMessageHandler(_qt_message)
    return path
