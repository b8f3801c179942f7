"""`core` must import and analyse without Qt or pyqtgraph: the GUI is a layer on top, never a dependency."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BLOCKER = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6'):
            raise ImportError('blocked for this test: ' + name)
sys.meta_path.insert(0, Block())
import pkgutil, importlib, core
for mod in pkgutil.walk_packages(core.__path__, 'core.'):
    importlib.import_module(mod.name)
from core.ingest import article_from_text
from core.pipeline import analyse_all
from core.nlp import blank_pipeline
from core.analysis import Analysis
a = Analysis(analyse_all([article_from_text('Turkey warned against the offensive on Wednesday, officials said.')], blank_pipeline()))
a.timeline(); a.stance_matrix(); a.actors_table()
print('ok', len(sys.modules))
"""


def test_core_imports_and_runs_with_qt_blocked():
    done = subprocess.run([sys.executable, "-c", BLOCKER], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("ok")


def test_no_qt_import_statement_in_core_sources():
    offenders = [
        str(p.relative_to(ROOT)) for p in (ROOT / "core").rglob("*.py")
        if any(line.lstrip().startswith(("import PySide6", "from PySide6", "import pyqtgraph", "from pyqtgraph"))
               for line in p.read_text(encoding="utf-8").splitlines())
    ]
    assert offenders == []
