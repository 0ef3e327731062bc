"""Shared fixtures: the repository, ../shared, the accord binary, one pipeline, a Spark session."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
CI = os.environ.get("CI") == "true"


def need(ok: bool, why: str):
    """Skips with the reason, or fails under CI=true (what the test needs must be there in CI)."""
    if not ok:
        if CI:
            pytest.fail(f"{why} (required under CI=true)")
        pytest.skip(why)


@pytest.fixture(scope="session")
def shared() -> Path:
    need(SHARED.is_dir(), f"{SHARED} is missing")
    return SHARED


@pytest.fixture(scope="session")
def accord_bin() -> str:
    """The accord binary: $ACCORD_BIN, else target/release or target/debug."""
    for c in [os.environ.get("ACCORD_BIN"), ROOT / "target/release/accord", ROOT / "target/debug/accord"]:
        if c and Path(c).is_file():
            return str(c)
    need(False, "no accord binary (cargo build -p accord-cli)")


@pytest.fixture(scope="session")
def pipe():
    import accord

    return accord.Pipeline()


def cli_extract(accord_bin, paths, date=None):
    """`accord extract` output, one JSON text per line."""
    cmd = [accord_bin, "extract", *map(str, paths)] + (["--date", date] if date else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def spark():
    need(shutil.which("java") is not None, "no java (apt-get install default-jre-headless)")
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        need(False, "pyspark is not installed")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    s = (SparkSession.builder.master("local[2]").appName("accord-tests")
         .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.sql.shuffle.partitions", "2")
         .config("spark.driver.memory", "2g").getOrCreate())
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()
