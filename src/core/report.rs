//! The documents of the loop (debrief, President report, workforce digest) as plain data,
//! built from the records; `io::report` turns them into Markdown.
