"""The legacy samples runner (scripts/run_legacy_samples.py): which samples it
finds, how it stages one, and one sample run unchanged against the service."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from helpers.local.run import run_script

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = Path("/work/sdists/azure_ai_agents-1.1.0/samples")
pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="the azure-ai-agents 1.1.0 sdist is not unpacked")


@pytest.fixture(scope="module")
def runner():
    spec = importlib.util.spec_from_file_location("run_legacy_samples", ROOT / "scripts" / "run_legacy_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_finds_the_64_samples_outside_utils_and_telemetry(runner):
    found = runner.samples_in(SAMPLES)
    assert len(found) == 64
    assert not [p for p in found if "utils" in p.parts or "agents_telemetry" in p.parts]


def test_stages_a_sample_with_what_it_reads(runner, tmp_path):
    sample = SAMPLES / "agents_files_images_inputs" / "sample_agents_image_input_file.py"
    copy, stand_in = runner.stage(sample, SAMPLES, tmp_path)
    assert copy == tmp_path / "agents_files_images_inputs" / "sample_agents_image_input_file.py"
    assert (tmp_path / "assets" / "product_info_1.md").is_file()  # shipped in the sdist
    assert stand_in and (tmp_path / "assets" / "image_file.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "utils" / "user_functions.py").is_file()


def test_a_sample_runs_unchanged(runner, svc, tmp_path):
    copy, _ = runner.stage(SAMPLES / "sample_agents_basics.py", SAMPLES, tmp_path / "samples")
    result = run_script(copy, service=svc, capture=True, timeout=120, input="")
    assert result.returncode == 0, result.stderr[-2000:]
    assert copy.read_text() == (SAMPLES / "sample_agents_basics.py").read_text()
    assert "Run status: RunStatus.COMPLETED" in result.stdout
    assert 'MessageRole.AGENT: Local model: you said "Hello, tell me a joke".' in result.stdout
