"""docker/: the compose deployment has the shape of Airflow's official one, holds no secret, and the
image's install steps (docker/install.sh) work for real against a fresh virtualenv."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DOCKER = REPO / "docker"
COMPOSE = DOCKER / "docker-compose.yaml"
AIRFLOW_SERVICES = ["airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-worker",
                    "airflow-triggerer", "airflow-init"]
SERVICES = ["postgres", "redis", *AIRFLOW_SERVICES]
SECRET_WORD = re.compile(r"PASSWORD|SECRET|FERNET|TOKEN|_KEY$", re.IGNORECASE)
REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?+])?([^}]*)\}")


def refs(text: str) -> list[re.Match[str]]:
    """The ${VAR} interpolations compose performs: not `$${...}` (a literal $) and not in comments."""
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
    return [m for m in REF.finditer("\n".join(lines)) if m.start() == 0 or m.string[m.start() - 1] != "$"]


def interp(value: str) -> str:
    """A value as compose sees it with an empty .env: defaults applied, other references as <VAR>."""
    return REF.sub(lambda m: m[3] if m[2] in (":-", "-") else f"<{m[1]}>", value)


def airflow_pin() -> str:
    m = re.search(r"^apache-airflow==(\S+)$", (REPO / "constraints.txt").read_text(), re.MULTILINE)
    assert m, "constraints.txt pins apache-airflow"
    return m[1]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


@pytest.fixture(scope="module")
def nodes() -> yaml.MappingNode:
    """The YAML node graph, where an alias is the very node its anchor names."""
    return yaml.compose(COMPOSE.read_text(), Loader=yaml.SafeLoader)


def node_get(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((v for k, v in node.value if k.value == key), None)


def merged(node: yaml.MappingNode) -> list[yaml.Node]:
    """The nodes merged into a mapping with `<<:`."""
    out: list[yaml.Node] = []
    for k, v in node.value:
        if k.tag == "tag:yaml.org,2002:merge" or k.value == "<<":
            out += v.value if isinstance(v, yaml.SequenceNode) else [v]
    return out


def env(compose: dict[str, Any], service: str) -> dict[str, str]:
    return {k: str(v) for k, v in compose["services"][service]["environment"].items()}


# --- services and the common anchor -------------------------------------------------------------

def test_services_exist(compose: dict[str, Any]) -> None:
    assert set(SERVICES) <= set(compose["services"]), set(SERVICES) - set(compose["services"])


def test_every_airflow_service_merges_the_common_anchor(nodes: yaml.MappingNode) -> None:
    common = node_get(nodes, "x-airflow-common")
    common_env = node_get(common, "environment")
    services = node_get(nodes, "services")
    for name in AIRFLOW_SERVICES:
        svc = node_get(services, name)
        assert any(m is common for m in merged(svc)), f"{name} does not merge *airflow-common"
        own_env = node_get(svc, "environment")
        if own_env is not None:  # an override must extend the common environment, not replace it
            assert any(m is common_env for m in merged(own_env)), f"{name}'s environment drops *airflow-common-env"


def test_common_image_is_built_from_the_dockerfile(compose: dict[str, Any]) -> None:
    common = compose["x-airflow-common"]
    assert common["build"]["dockerfile"] == "docker/Dockerfile"
    assert (DOCKER / common["build"]["context"]).resolve() == REPO
    for name in AIRFLOW_SERVICES:
        assert compose["services"][name]["build"] == common["build"]
        assert compose["services"][name]["image"] == common["image"]


def test_commands_are_airflows(compose: dict[str, Any]) -> None:
    s = compose["services"]
    assert s["airflow-apiserver"]["command"] == "api-server"
    assert s["airflow-scheduler"]["command"] == "scheduler"
    assert s["airflow-dag-processor"]["command"] == "dag-processor"
    assert s["airflow-worker"]["command"] == "celery worker"
    assert s["airflow-triggerer"]["command"] == "triggerer"
    assert interp(s["airflow-apiserver"]["ports"][0]) == "8080:8080"


# --- executor, metadata DB, broker, pdd settings ------------------------------------------------

def test_celery_executor_with_redis_broker_and_postgres_metadata_db(compose: dict[str, Any]) -> None:
    for name in AIRFLOW_SERVICES:
        e = env(compose, name)
        assert e["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
        assert e["AIRFLOW__CELERY__BROKER_URL"] == "redis://redis:6379/0"
        assert re.fullmatch(r"postgresql\+psycopg2://airflow:\$\{AIRFLOW_DB_PASSWORD[^}]*\}@postgres/airflow",
                            e["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"])
        assert re.fullmatch(r"db\+postgresql://airflow:\$\{AIRFLOW_DB_PASSWORD[^}]*\}@postgres/airflow",
                            e["AIRFLOW__CELERY__RESULT_BACKEND"])
        assert e["AIRFLOW__CORE__LOAD_EXAMPLES"] == "false"
        assert e["AIRFLOW__CORE__AUTH_MANAGER"].endswith("AuthManager")
        assert e["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"] == "http://airflow-apiserver:8080/execution/"
    pg = env(compose, "postgres")
    assert pg["POSTGRES_USER"] == "airflow" and pg["POSTGRES_DB"] == "airflow"
    assert REF.fullmatch(pg["POSTGRES_PASSWORD"])[1] == "AIRFLOW_DB_PASSWORD"


def test_pdd_config_and_reports_are_mounted_where_the_dag_reads_them(compose: dict[str, Any]) -> None:
    dockerfile = (DOCKER / "Dockerfile").read_text()
    for name in AIRFLOW_SERVICES:
        svc = compose["services"][name]
        e = env(compose, name)
        targets = {interp(v).split(":")[1]: interp(v) for v in svc["volumes"]}
        assert e["PDD_CONFIG"] == "/opt/pdd/config/pdd.yaml"
        assert e["PDD_REPORT_DIR"] == "/opt/pdd/reports"
        assert targets["/opt/pdd/config"].endswith(":ro"), "the config is mounted read-only"
        assert "/opt/pdd/reports" in targets
        assert not any(t.startswith("/opt/airflow/dags") for t in targets), "the image's DAGs must not be shadowed"
        assert "AIRFLOW__CORE__DAGS_FOLDER" not in e
    assert "PDD_CONFIG=/opt/pdd/config/pdd.yaml" in dockerfile
    assert "PDD_REPORT_DIR=/opt/pdd/reports" in dockerfile


def test_healthchecks(compose: dict[str, Any]) -> None:
    s = compose["services"]
    assert "pg_isready" in s["postgres"]["healthcheck"]["test"]
    assert "redis-cli" in s["redis"]["healthcheck"]["test"]
    api = s["airflow-apiserver"]["healthcheck"]["test"]
    assert "http://localhost:8080/api/v2/version" in api
    for name in AIRFLOW_SERVICES:
        if name != "airflow-init":
            assert "test" in s[name]["healthcheck"], name


def test_startup_order(compose: dict[str, Any]) -> None:
    s = compose["services"]
    for name in AIRFLOW_SERVICES:
        deps = s[name]["depends_on"]
        assert deps["postgres"]["condition"] == "service_healthy", name
        assert deps["redis"]["condition"] == "service_healthy", name
        if name != "airflow-init":
            assert deps["airflow-init"]["condition"] == "service_completed_successfully", name
    assert s["airflow-worker"]["depends_on"]["airflow-apiserver"]["condition"] == "service_healthy"


def test_init_migrates_and_creates_the_pools(compose: dict[str, Any]) -> None:
    init = compose["services"]["airflow-init"]
    script = "\n".join(init["command"])
    e = env(compose, "airflow-init")
    assert e["_AIRFLOW_DB_MIGRATE"] == "true" and "/entrypoint airflow" in script  # the entrypoint migrates
    assert "python /opt/pdd/src/docker/pdd_pools.py" in script
    assert script.index("/entrypoint airflow") < script.index("pdd_pools.py"), "pools need a migrated DB"


# --- secrets --------------------------------------------------------------------------------------

def test_no_secret_literal_in_the_compose_file(compose: dict[str, Any]) -> None:
    """Every password/secret/key value, and every password inside a URL, is a ${VAR} with no default."""
    envs = {"x-airflow-common": compose["x-airflow-common"]["environment"]}
    envs.update({n: s.get("environment", {}) for n, s in compose["services"].items()})
    for where, e in envs.items():
        for key, value in e.items():
            value = str(value)
            if SECRET_WORD.search(key):
                m = REF.fullmatch(value)
                assert m, f"{where}.{key} is not a ${{VAR}} reference"
                assert m[2] in (None, ":?", "?"), f"{where}.{key} has a default value, i.e. a secret in the file"
            for url_password in re.findall(r"://[^:/@\s]*:([^@\s]+)@", value):
                m = REF.fullmatch(url_password)
                assert m and m[2] in (None, ":?", "?"), f"{where}.{key} has a literal password in its URL"
    # and nowhere else in the text either, comments included
    text = COMPOSE.read_text()
    for m in refs(text):
        if SECRET_WORD.search(m[1]):
            assert m[2] in (None, ":?", "?"), f"${{{m[1]}}} has a default"
    assert not re.search(r"(?i)password\s*[:=]\s*['\"]?(?!\$\{)[A-Za-z0-9]", text)


def test_env_example_documents_every_variable(compose: dict[str, Any]) -> None:
    example = (DOCKER / ".env.example").read_text()
    documented = dict(re.findall(r"^#?\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$", example, re.MULTILINE))
    used = {m[1] for m in refs(COMPOSE.read_text())}
    assert used <= set(documented), f"not in .env.example: {used - set(documented)}"
    for name, value in documented.items():
        if SECRET_WORD.search(name) and not name.startswith("AIRFLOW_CONN_"):
            assert value.strip() == "", f".env.example gives {name} a value"
    assert ".env" in (DOCKER / ".gitignore").read_text().split()


# --- the image -------------------------------------------------------------------------------------

def test_dockerfile_extends_the_official_image_via_install_sh() -> None:
    text = (DOCKER / "Dockerfile").read_text()
    lines = [ln.strip() for ln in re.sub(r"\\\n", " ", text).splitlines() if ln.strip() and not ln.startswith("#")]
    froms = [ln for ln in lines if ln.startswith("FROM ")]
    assert froms == [f"FROM apache/airflow:{airflow_pin()}-python3.11"], "base image = constraints.txt's Airflow"
    runs = [ln for ln in lines if ln.startswith("RUN ")]
    install = [i for i, ln in enumerate(lines) if ln.startswith("RUN ") and "docker/install.sh" in ln]
    assert install, "the Dockerfile's RUN calls docker/install.sh"
    users = [(i, ln.split()[1]) for i, ln in enumerate(lines) if ln.startswith("USER ")]
    last_user = [u for i, u in users if i < install[0]][-1]
    assert last_user == "airflow", "pip runs as the airflow user (Airflow's image docs)"
    assert not any(re.search(r"\bpip\b", ln) for ln in runs), "every pip step lives in docker/install.sh"
    assert os.access(DOCKER / "install.sh", os.X_OK)
    subprocess.run(["bash", "-n", str(DOCKER / "install.sh")], check=True)


# --- the pools helper --------------------------------------------------------------------------------

FAKE_AIRFLOW = """#!/usr/bin/env bash
echo "$*" >> "$(dirname "$0")/calls"
if [[ "$1 $2" == "pools list" ]]; then
  echo 'some log line'
  echo '[{"pool": "default_pool", "slots": "128"}, {"pool": "pdd_kept", "slots": "9"}]'
elif [[ "$1 $2" == "pools import" ]]; then
  cp "$3" "$(dirname "$0")/imported.json"
fi
"""


def test_pdd_pools_creates_only_missing_pools(tmp_path: Path) -> None:
    fake = tmp_path / "airflow"
    fake.write_text(FAKE_AIRFLOW)
    fake.chmod(0o755)
    config = tmp_path / "pdd.yaml"
    config.write_text(
        "sources:\n"
        "  - {name: app_db, kind: sql, conn_id: app_db}\n"
        "  - {name: billing, kind: sql, url: 'sqlite:///x.db', pool: pdd_kept}\n"
        "  - {name: web_logs, kind: logs, path: 'logs/*'}\n"
    )
    run_env = {**os.environ, "PYTHONPATH": str(REPO), "PDD_POOL_SLOTS": "3"}
    proc = subprocess.run([sys.executable, str(DOCKER / "pdd_pools.py"), "--config", str(config),
                           "--airflow", str(fake)], check=False, capture_output=True, text=True, env=run_env,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    imported = json.loads((tmp_path / "imported.json").read_text())
    assert list(imported) == ["pdd_app_db"], "pdd_kept exists and keeps its slots; logs use default_pool"
    assert imported["pdd_app_db"]["slots"] == 3


def test_pdd_pools_refuses_a_missing_config(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(DOCKER / "pdd_pools.py"), "--config", str(tmp_path / "none.yaml"),
                           "--airflow", "false"], check=False, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=300)
    assert proc.returncode == 2 and "not found" in proc.stderr


# --- install.sh for real -------------------------------------------------------------------------------

@pytest.mark.slow
def test_install_sh_into_a_fresh_venv(tmp_path: Path) -> None:
    """What CI runs outside Docker: Airflow first (standing in for the base image), then install.sh."""
    venv, home = tmp_path / "venv", tmp_path / "airflow_home"
    home.mkdir()
    run_env = {k: v for k, v in os.environ.items()
               if not k.startswith(("AIRFLOW__", "PYTHON", "VIRTUAL_ENV", "PDD_"))}
    run_env.update(AIRFLOW_HOME=str(home), TMPDIR=str(tmp_path))
    before = {p for p in ("build", "dist", "pdd.egg-info") if (REPO / p).exists()}

    def run(*cmd: str | Path, **extra: str) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run([str(c) for c in cmd], check=False, capture_output=True, text=True, cwd=tmp_path,
                              env={**run_env, **extra}, timeout=1800)
        assert proc.returncode == 0, f"{cmd} exited {proc.returncode}\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
        return proc

    t0 = time.monotonic()
    run(sys.executable, "-m", "venv", venv)  # no --system-site-packages: nothing leaks in
    pip, py = venv / "bin" / "pip", venv / "bin" / "python"
    # --no-compile: the stand-in base image needs Airflow's files, not byte code for all of them up front
    # (Python compiles what it imports); install.sh below installs as a user's pip would.
    run(pip, "install", "--disable-pip-version-check", "--progress-bar", "off", "--no-compile",
        "-c", REPO / "constraints.txt", f"apache-airflow=={airflow_pin()}")
    t1 = time.monotonic()
    out = run("bash", DOCKER / "install.sh", REPO, PIP=str(pip))
    t2 = time.monotonic()
    print(f"airflow into a fresh venv: {t1 - t0:.0f}s, docker/install.sh: {t2 - t1:.0f}s")

    # pdd works from the venv, Airflow was left alone
    assert "Usage" in run(venv / "bin" / "pdd", "--help").stdout
    versions = run(py, "-c", "from importlib.metadata import version as v; "
                   "print(v('apache-airflow'), v('pdd'))").stdout.split()
    assert versions == [airflow_pin(), "0.1.0"]
    installed = next((ln for ln in out.stdout.splitlines() if ln.startswith("Successfully installed")), "")
    assert "apache-airflow" not in installed, installed

    # the DAGs are where Airflow looks for them: $AIRFLOW_HOME/dags, i.e. /opt/airflow/dags in the image
    dags_folder = run(py, "-c", "from airflow.configuration import conf; print(conf.get('core', 'dags_folder'))")
    assert Path(dags_folder.stdout.strip()) == home / "dags"
    repo_dags = sorted(p.name for p in (REPO / "dags").glob("*.py")) if (REPO / "dags").is_dir() else []
    for name in repo_dags:
        assert (home / "dags" / name).read_bytes() == (REPO / "dags" / name).read_bytes(), name
    if not repo_dags:
        assert "no DAG in" in out.stderr

    # the pools step of airflow-init against a real (SQLite) metadata DB, with the installed pdd
    config = tmp_path / "pdd.yaml"
    config.write_text("sources:\n  - {name: app_db, kind: sql, conn_id: app_db}\n")
    run(venv / "bin" / "airflow", "db", "migrate")
    pools_env = {"PATH": f"{venv / 'bin'}:{run_env['PATH']}", "PDD_CONFIG": str(config)}
    run(py, DOCKER / "pdd_pools.py", **pools_env)
    run(py, DOCKER / "pdd_pools.py", **pools_env)  # a rerun keeps what exists
    listed = run(venv / "bin" / "airflow", "pools", "list", "--output", "json").stdout
    pools = {p["pool"]: p for p in json.loads(listed[listed.index("["):])}
    assert int(pools["pdd_app_db"]["slots"]) == 2

    # nothing was built inside the source tree
    after = {p for p in ("build", "dist", "pdd.egg-info") if (REPO / p).exists()}
    assert after <= before, f"install.sh wrote {after - before} into the repo"
    shutil.rmtree(venv, ignore_errors=True)
