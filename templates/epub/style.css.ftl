/* The EPUB's few styles; the reader's own fonts, nothing embedded. */
.turn { margin: 1.2em 0; }
.turn-head { margin: 0; font-size: 0.85em; }
.number { font-variant-numeric: tabular-nums; font-weight: bold; margin-right: 0.4em; }
.zh { margin: 0.3em 0; }
.en { margin: 0.3em 0; }
.pending { font-style: italic; }
.intervention { font-size: 0.9em; border-left: 2px solid; padding-left: 0.5em; }
a.term { text-decoration: none; border-bottom: 1px dotted; color: inherit; }
.note { font-size: 0.9em; margin: 0.6em 0; }
.note-head { margin: 0; }
.turns { font-size: 0.9em; }
dt { margin-top: 0.6em; font-weight: bold; }
.quoted { font-weight: normal; }
