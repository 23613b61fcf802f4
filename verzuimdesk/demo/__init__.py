"""The demo school: a realistic, fictitious MBO school with a year of absence, for trying the
program, screenshots and benchmarks (`verzuimdesk demo`, `verzuimdesk --demo`)."""

from verzuimdesk.demo.build import DemoSummary, build_demo_school

__all__ = ["DemoSummary", "build_demo_school"]
