"""The build side of the book: what makes the site, never what a chapter's kernel imports.

* :mod:`~aid2assets.build.site`: the Sphinx/MyST-NB extension (figures, tables, the student
  notebooks, the site's static files);
* :mod:`~aid2assets.build.first_paint`: what the first screen of a page needs, and no more;
* :mod:`~aid2assets.build.markup`: the notebook form of the site's markup, and back;
* :mod:`~aid2assets.build.execution`: fingerprints that let a build publish stored outputs;
* :mod:`~aid2assets.build.student`: the student edition of each chapter;
* :mod:`~aid2assets.build.printing`, :mod:`~aid2assets.build.publishing`,
  :mod:`~aid2assets.build.serve`: the print edition, the sitemap, a local server.

Build modules may import the reader modules of :mod:`aid2assets` (loading, figures, tables,
the theme); no reader module imports from here (``tests/test_imports.py``).
"""
