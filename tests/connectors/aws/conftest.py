"""moto in server mode over HTTP, one server for the AWS tests, reset before each estate."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.connectors.aws.fakes import moto_api

pytest.importorskip("boto3", reason="the aws extra is not installed")
pytest.importorskip("moto", reason="moto[server] (dev extra) is not installed")


@pytest.fixture(scope="session")
def aws_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """No real credentials, config or endpoint leak in; moto records into a temporary file."""
    home = tmp_path_factory.mktemp("aws-home")
    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name.startswith("AWS_"):
                mp.delenv(name)
        mp.setenv("AWS_ACCESS_KEY_ID", "testing")
        mp.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        mp.setenv("AWS_CONFIG_FILE", str(home / "config"))
        mp.setenv("AWS_SHARED_CREDENTIALS_FILE", str(home / "credentials"))
        mp.setenv("AWS_EC2_METADATA_DISABLED", "true")
        mp.setenv("MOTO_EC2_LOAD_DEFAULT_AMIS", "false")
        mp.setenv("MOTO_RECORDER_FILEPATH", str(home / "moto-recording"))
        yield home


@pytest.fixture(scope="session", autouse=True)
def catalogue_once() -> Iterator[None]:
    """Scans load the bundled catalogue for kinds and prices; load it once for all AWS tests."""
    import importlib

    from cloudexit.catalog import load_catalog

    scan_module = importlib.import_module(
        "cloudexit.connectors.aws.scan"
    )  # the package exports scan()

    catalog = load_catalog()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(scan_module, "load_catalog", lambda: catalog)
        yield


@pytest.fixture(scope="session")
def moto_url(aws_env: Path) -> Iterator[str]:
    from moto.moto_api import recorder
    from moto.server import ThreadedMotoServer

    if recorder._location != str(
        aws_env / "moto-recording"
    ):  # moto was imported before the env was set
        recorder._location = str(aws_env / "moto-recording")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def moto(moto_url: str) -> str:
    """A fresh, empty moto for one test."""
    moto_api(moto_url, "/moto-api/reset")
    return moto_url
