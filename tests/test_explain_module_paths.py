"""errcat explain on SageMath's tracebacks: a dotted module path (sage.structure.coerce_maps...) is no host, so
the brand word it starts with does not make a "domain named for the vendor" (SageMath is not Sage). Every paste
here is real; its source is named beside it."""

from __future__ import annotations

import pytest

from errcat.explainer import explain

# GitHub issue sagemath/sage#42033 (2026-04-18), 'Expected Behavior', first lines
SAGEMATH_IPYTHON = """sage: s = SymmetricFunctions(QQ).s()
sage: f = s[2,1]
sage: f.to_vector()
---------------------------------------------------------------------------
KeyError                                  Traceback (most recent call last)
File ~/sage/src/sage/structure/category_object.pyx:842, in sage.structure.category_object.CategoryObject.getattr_from_category()
   841 try:
--> 842     return self.__cached_methods[name]
   843 except KeyError:

KeyError: '_dense_free_module'"""

# A SageMath trac ticket migrated to GitHub (a public repository's issue export; the search tools' find_string
# id 24138781913), its last frames
SAGEMATH_TRAC = """/Applications/sage/local/lib/python2.6/site-packages/sage/structure/coerce_maps.so in sage.structure.coerce_maps.DefaultConvertMap_unique._call_ (sage/structure/coerce_maps.c:3010)()

/Applications/sage/local/lib/python2.6/site-packages/sage/rings/integer.so in sage.rings.integer.Integer.__init__ (sage/rings/integer.c:6807)()

TypeError: unable to coerce <type 'sage.matrix.matrix_integer_dense.Matrix_integer_dense'> to an integer"""


@pytest.mark.parametrize("paste", [SAGEMATH_IPYTHON, SAGEMATH_TRAC])
def test_a_module_path_of_sagemath_is_no_domain_of_sages(catalog, paste):
    x = explain(catalog, paste)
    assert not [c for c in x.clues if c.kind == "registered-domain"], x.clues
    assert x.vendor is None
    assert all(m.kind not in ("exact", "template", "code", "status") for m in x.errors)
