"""What pyproject.toml cannot say: resources/ stays a top-level source folder, yet ships inside
the package as `verzuimdesk/resources` (found through `verzuimdesk.paths.resources_dir()`), with
everything anybody puts in it: calendars, policy profiles, fonts, presets, letter templates,
the gemeenten list. The Alembic migrations ship as files, because Alembic reads them from disk.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["verzuimdesk", "verzuimdesk.*"]), "verzuimdesk.resources"],
    package_dir={"verzuimdesk.resources": "resources"},
    package_data={
        "verzuimdesk.resources": ["**/*"],
        "verzuimdesk": [
            "store/migrations/*.py",
            "store/migrations/*.mako",
            "store/migrations/versions/*.py",
        ],
    },
)
