"""Explorers for readers running the notebooks in a live kernel, one module per chapter.

Each module keeps its calculations in plain, tested functions on DataFrames; the widget
class only wires controls to them. On the static site widgets are inert, so each chapter
says so (a "needs a live kernel" note) and points to a client-side figure that answers the
same question. A widget's output is an ``HTML`` widget whose value the callback replaces;
nothing is printed, so the displaying cell's stored output is the same on every run.
"""
