"""Running the W3C Nu HTML Checker (vnu.jar, installed by `make validators`) over files.

The checker is a Java program and starting the JVM takes seconds, so it checks every file of a
run at once; its JSON report is split back into each file's errors and warnings.
"""

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings

VNU_JAR = Path(settings.BASE_DIR) / ".validators/node_modules/vnu-jar/build/dist/vnu.jar"
INSTALL_HINT = "run `make validators` (or `make test`, which runs it first)"


@dataclass
class Report:
    """One file's errors and warnings, each as "line N: message" and the markup it is about.
    The checker's other "info" messages are hints, not faults, and are left out."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def describe(message: dict) -> str:
    line = message.get("lastLine") or message.get("firstLine") or "?"
    extract = message.get("extract", "").strip()
    return f"line {line}: {message['message']}" + (f"\n      {extract!r}" if extract else "")


def check(paths: list[Path]) -> dict[Path, Report]:
    """Each file's report. Fails the test run, rather than skipping, when the checker is missing
    or does not answer: an HTML check that silently does not run would pass forever."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(f"Java is missing, so the Nu HTML Checker cannot run: {INSTALL_HINT}.")
    if not VNU_JAR.is_file():
        pytest.fail(f"The Nu HTML Checker is missing ({VNU_JAR}): {INSTALL_HINT}.")
    command = [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always"]
    result = subprocess.run(  # noqa: S603 - our own arguments: the jar and files we wrote
        [*command, *map(str, paths)], capture_output=True, text=True, timeout=600, check=False
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"The Nu HTML Checker gave no report (exit {result.returncode}):\n{result.stderr}")
    reports = {path: Report() for path in paths}
    for message in messages:
        path = Path(unquote(urlsplit(message.get("url", "")).path))
        if message["type"] == "non-document-error" or path not in reports:
            pytest.fail(f"The Nu HTML Checker could not check a file: {message}")
        report = reports[path]
        if message["type"] == "error":
            report.errors.append(describe(message))
        elif message.get("subType") == "warning":
            report.warnings.append(describe(message))
    return reports
