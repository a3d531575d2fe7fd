"""pressbot installs one import name, `pressbot`, so it can sit beside PyPI's `responses` (and any `bot`).

The wheel is built from this checkout and installed, without its dependencies, into a fresh virtual
environment together with PyPI's `responses`; the third-party packages pressbot imports (numpy,
python-telegram-bot, …) are reached through a path entry to this test run's environment, appended after
the fresh environment's own site-packages, so that both `pressbot` and `responses` can only come from
the fresh environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # Built from a copy of the tracked tree (links kept as links), so setuptools' build/ cache can neither
    # litter the checkout nor carry a module removed since into the wheel.
    source = tmp_path_factory.mktemp("source") / "pressbot"
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True).stdout
    for name in filter(None, tracked.decode().split("\0")):
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        origin = ROOT / name
        if origin.is_symlink():
            target.symlink_to(os.readlink(origin))
        elif origin.is_file():
            shutil.copyfile(origin, target)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--disable-pip-version-check",
                    "-w", str(out), str(source)], check=True, capture_output=True, timeout=300)
    (built,) = out.glob("pressbot-*.whl")
    return built


@pytest.fixture(scope="module")
def fresh_env(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    env_dir = tmp_path_factory.mktemp("fresh") / "venv"
    venv.create(env_dir, with_pip=False)  # this run's pip installs into it (--python): no ensurepip
    python = env_dir / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "responses"], check=True, capture_output=True, timeout=300)
    subprocess.run([*pip, "--no-deps", str(wheel)], check=True, capture_output=True, timeout=300)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    (Path(site) / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return env_dir


def test_the_wheel_installs_one_top_level_name(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        tops = {name.split("/", 1)[0] for name in archive.namelist()}
    assert {top for top in tops if not top.endswith(".dist-info")} == {"pressbot"}


def test_the_wheel_holds_the_package_data(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "pressbot/bot/core/config.yaml" in names
    assert {f"pressbot/responses/locales/{lang}.yaml" for lang in ("en", "az", "ru")} <= names
    assert any(name.startswith("pressbot/responses/templates/") and name.endswith(".j2") for name in names)


def test_pressbot_and_pypis_responses_import_side_by_side(fresh_env: Path) -> None:
    code = ("import responses, pressbot.retrieval, pressbot.responses, pressbot.bot.cli.main;"
            "print(responses.__file__); print(pressbot.retrieval.__file__); print(responses.RequestsMock.__name__)")
    out = subprocess.run([str(fresh_env / "bin" / "python"), "-c", code], check=True, capture_output=True,
                         text=True, cwd=fresh_env, env={**os.environ, "PYTHONPATH": ""}).stdout.split()
    assert out[0].startswith(str(fresh_env)) and out[1].startswith(str(fresh_env))
    assert out[2] == "RequestsMock"


def test_the_installed_command_answers_from_the_installed_package(fresh_env: Path) -> None:
    done = subprocess.run([str(fresh_env / "bin" / "pressbot"), "ask", "--corpus", str(ROOT / "corpus"),
                           "Who met the IOM Director General in Geneva?"], capture_output=True, text=True,
                          cwd=fresh_env, env={**os.environ, "PYTHONPATH": ""}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Vitorino" in done.stdout
