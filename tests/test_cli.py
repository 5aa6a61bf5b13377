"""The command line: exit codes, messages, and what is on disk afterwards."""

from __future__ import annotations

from click.testing import CliRunner
from pypdf import PdfReader

from handbook import __version__
from handbook.cli import main
from tests.conftest import DEFAULT_MANIFEST, page_texts


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_version_and_help():
    assert invoke("--version").output.strip() == f"handbook, version {__version__}"
    for command in ("build", "check", "sections", "new"):
        result = invoke(command, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.output


def test_build_writes_to_the_default_output(project):
    project.manifest(project.section("one", "- paragraph: Hello there."), extra="subtitle: Sub\n")
    result = invoke("build")
    assert result.exit_code == 0, result.output
    out = project.root / "build" / "test-guide.pdf"
    assert result.output.strip() == f"wrote build/test-guide.pdf ({len(PdfReader(out).pages)} pages)"
    assert "Hello there." in "\n".join(page_texts(out))


def test_output_directory_is_created(project):
    project.manifest(project.section("one", "- paragraph: Hi."))
    result = invoke("build", "-o", "deep/er/guide.pdf")
    assert result.exit_code == 0, result.output
    assert (project.root / "deep/er/guide.pdf").is_file()


def test_failed_build_keeps_the_earlier_pdf_and_leaves_no_temporary_file(project):
    name = project.section("one", "- paragraph: Good.")
    project.manifest(name)
    assert invoke("build", "-o", "out/guide.pdf").exit_code == 0
    earlier = (project.root / "out/guide.pdf").read_bytes()
    project.section("one", "- paragraph: '**broken'")
    result = invoke("build", "-o", "out/guide.pdf")
    assert result.exit_code == 1
    assert "sections/one.yaml:3:" in result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)  # a message and exit 1, not an uncaught error
    assert (project.root / "out/guide.pdf").read_bytes() == earlier
    assert sorted(p.name for p in (project.root / "out").iterdir()) == ["guide.pdf"]


def found_on_page_two(monkeypatch):
    """Make preflight find text over text on page 2 of whatever it checks (the layout itself never lets that happen)."""
    import handbook.preflight

    finding = 'page 2: the text "Good." is drawn over "Page 2 of 3" (at 0.85 in from the left, 0.53 in from the bottom)'
    monkeypatch.setattr(handbook.preflight, "text_problems", lambda number, drawing, page: [finding] if number == 2 else [])
    return finding


def test_build_with_a_failing_preflight_keeps_the_earlier_pdf(project, monkeypatch):
    name = project.section("one", "- paragraph: Good.")
    project.manifest(name)
    assert invoke("build", "-o", "out/guide.pdf", "--preflight").exit_code == 0
    earlier = (project.root / "out/guide.pdf").read_bytes()
    project.section("one", "- paragraph: Good, and changed.")
    finding = found_on_page_two(monkeypatch)
    result = invoke("build", "-o", "out/guide.pdf", "--preflight")
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    lines = result.output.splitlines()
    assert lines[0] == "preflight out/guide.pdf"
    assert lines[-3] == f"  FAIL: {finding}"
    assert lines[-1] == (
        "out/guide.pdf: 1 problem to fix before printing or posting online; "
        "the new PDF was not saved, so out/guide.pdf is as it was before (build without --preflight to look at it)"
    )
    assert not any(line.startswith("wrote") for line in lines)
    assert (project.root / "out/guide.pdf").read_bytes() == earlier
    assert sorted(p.name for p in (project.root / "out").iterdir()) == ["guide.pdf"]


def test_build_with_a_failing_preflight_and_no_earlier_pdf_writes_nothing(project, monkeypatch):
    project.manifest(project.section("one", "- paragraph: Good."))
    found_on_page_two(monkeypatch)
    result = invoke("build", "--preflight")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "build/test-guide.pdf: 1 problem to fix before printing or posting online; "
        "the new PDF was not saved (build without --preflight to look at it)"
    )
    assert list((project.root / "build").iterdir()) == []


def test_output_that_would_overwrite_an_input_is_refused(project):
    name = project.section("one", "- paragraph: Hi.")
    manifest = project.manifest(name)
    before = (project.root / name).read_bytes()
    result = invoke("build", "-o", name)
    assert result.exit_code == 1
    assert "would overwrite one of the handbook's input files" in result.output
    assert (project.root / name).read_bytes() == before
    assert manifest.is_file()


def test_output_that_is_a_directory_is_refused(project):
    project.manifest(project.section("one", "- paragraph: Hi."))
    (project.root / "out").mkdir()
    result = invoke("build", "-o", "out")
    assert result.exit_code == 1 and "is a directory" in result.output


def test_check_reports_all_problems_and_renders_nothing(project):
    project.manifest(project.section("one", "- paragrph: x\n- bullets: []"), extra="page_size: legal\n")
    result = invoke("check")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[-1] == "3 problems found."
    assert lines[0].startswith("handbook.yaml:2: page_size:")
    assert not (project.root / "build").exists()


def test_check_passes_on_the_default_handbook():
    result = invoke("check", str(DEFAULT_MANIFEST))
    assert result.exit_code == 0
    assert "ok (8 sections, in en-US and es-US)" in result.output


def test_sections_lists_titles_and_files_in_order():
    result = invoke("sections", str(DEFAULT_MANIFEST))
    lines = result.output.splitlines()
    assert len(lines) == 8
    assert lines[0].startswith(" 1. Introduction  (")
    assert lines[0].endswith("sections/introduction.yaml)")
    assert lines[7].startswith(" 8. Conclusion")


def test_missing_manifest_is_a_clear_error(project):
    result = invoke("build", "nope.yaml")
    assert result.exit_code == 1
    assert result.output.startswith("nope.yaml:1: file not found")


def test_usage_error_exits_2():
    assert invoke("build", "--no-such-option").exit_code == 2


def test_new_refuses_a_folder_with_files(project):
    project.write("taken/file.txt", "x")
    result = invoke("new", "taken")
    assert result.exit_code == 1 and "not an empty folder" in result.output


def test_a_school_profile_given_as_the_manifest_says_to_use_school(project):
    project.manifest(project.section("one", "- paragraph: Hi."))
    project.write("schools/x.yaml", "handbook: ../handbook.yaml\nschool:\n  name: X High\n")
    for command in ("check", "build", "sections", "explain"):
        result = invoke(command, "schools/x.yaml")
        assert result.exit_code == 1, command
        assert result.output.splitlines() == [
            "schools/x.yaml:1: this is a school profile, not a handbook manifest; use --school schools/x.yaml",
            "1 problem found.",
        ], command
    assert not (project.root / "build").exists()
    listed = invoke("sections", "--school", "schools/x.yaml")
    assert listed.exit_code == 0 and listed.output == " 1. A Section  (sections/one.yaml)\n"


def test_running_outside_a_project_names_the_folder_searched(project):
    for command in ("build", "check", "sections", "explain"):
        result = invoke(command)
        assert result.exit_code == 1, command
        assert result.output == (
            f"no handbook.yaml in {project.root}, the folder this command was run in; run it in a handbook project's folder, "
            f"give the manifest's path (handbook {command} path/to/handbook.yaml), or start a project with: handbook new DIR\n"
        )


def test_running_in_a_folder_of_a_project_names_the_project_folder(project, monkeypatch):
    project.manifest(project.section("one", "- paragraph: Hi."))
    monkeypatch.chdir(project.root / "sections")
    result = invoke("build")
    assert result.exit_code == 1
    assert result.output == (
        f"no handbook.yaml in {project.root / 'sections'}, the folder this command was run in; the project is in a folder above, "
        f"{project.root}: run the command there, or give the manifest's path (handbook build {project.root / 'handbook.yaml'})\n"
    )


def test_explain_of_a_guide_without_a_profile_names_where_each_setting_came_from(project):
    project.manifest(project.section("one", "- paragraph: Hello."), extra='theme: {primary: "#0f5e7a"}\n')
    result = CliRunner().invoke(main, ["explain"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "title  Test Guide  <- handbook.yaml:1" in lines
    assert "theme.primary  #0f5e7a  <- handbook.yaml:2" in lines
    assert "theme.accent  #e07a1f  <- default; the guide does not give one" in lines
    assert lines[-1] == "section 1: one  A Section  <- sections/one.yaml"


def test_counts_are_in_the_singular_for_one(project):
    project.manifest(project.section("one", "- paragraph: Hi."))
    result = CliRunner().invoke(main, ["check"])
    assert result.output.strip().endswith(": ok (1 section)"), result.output
