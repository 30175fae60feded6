//! The `isnad` command line: parses arguments, calls the library, prints.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use isnad::batch::{self, Analyzed, Item, Origin, Reader};
use isnad::flags::Rule;
use isnad::lint::{self, Policy, Summary};
use isnad::report::labels::{self, Labels};
use isnad::{Analyzer, Lexicon};

/// Exit codes, as documented in the README.
const EXIT_DENIED: u8 = 1;
const EXIT_BAD_INPUT: u8 = 65;
const EXIT_IO: u8 = 74;

#[derive(Parser)]
#[command(
    name = "isnad",
    version,
    about = "Finds who says what in Arabic news text",
    after_help = "Exit status: 0 ok, 1 lint findings denied by --deny, 2 usage, 65 bad input \
                  (not UTF-8, binary, over --max-bytes, bad lexicon; with many documents: some \
                  were bad), 74 I/O error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find every attribution in an article, or in many (JSON Lines out, one per document).
    Analyze {
        #[command(flatten)]
        input: Input,
        /// Output format (many documents: json gives JSON Lines).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Editorial findings as compiler-style diagnostics: `file:line:col: warning[rule]: …`.
    Lint {
        #[command(flatten)]
        input: Input,
        /// Output format: diagnostics for people, or one JSON object per document.
        #[arg(long, value_enum, default_value_t = LintFormat::Text)]
        format: LintFormat,
        /// Make findings of these rules errors, so the run fails (exit 1): ids separated by
        /// commas, or `all`. Repeatable.
        #[arg(long, value_name = "RULE|all", value_parser = rule_list)]
        deny: Vec<Vec<Rule>>,
        /// Drop findings of these rules. Repeatable.
        #[arg(long, value_name = "RULE|all", value_parser = rule_list)]
        allow: Vec<Vec<Rule>>,
        /// Print what a rule checks, why, and what would fix it; then exit.
        #[arg(long, value_name = "RULE", value_parser = one_rule)]
        explain: Option<Rule>,
        /// Colour: on a terminal unless NO_COLOR is set (auto), always or never.
        #[arg(long, value_enum, default_value_t = Colour::Auto)]
        color: Colour,
        /// Language of the messages: that of the text (auto), Arabic or English.
        #[arg(long, value_enum, default_value_t = Lang::Auto)]
        lang: Lang,
    },
    /// The sourcing report: one self-contained HTML page (scorecard, the annotated article,
    /// flags for the editor, claims with their confirmations and denials, sources, graph).
    /// With many documents, one page each into the directory given by -o.
    Report {
        #[command(flatten)]
        input: Input,
        /// An archive report instead: the documents of this directory, JSON Lines file, or `-`
        /// (JSON Lines on standard input) counted together.
        #[arg(long, value_name = "DIR|FILE.jsonl|-")]
        corpus: Option<PathBuf>,
        /// Format of the archive report: the HTML page, or its figures as JSON.
        #[arg(long, value_enum, default_value_t = CorpusFormat::Html, requires = "corpus")]
        format: CorpusFormat,
    },
    /// The sourcing graph of an article: sources and claims, and who says, supports, opposes,
    /// declines or relays what.
    Graph {
        #[command(flatten)]
        input: Input,
        /// Output format: Graphviz DOT, GraphML (Gephi, Cytoscape, networkx) or node-link JSON.
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
    },
    /// Pairs of statements: JSON Lines of {"id", "a", "b"} in, one {"id", "relation", "score",
    /// "evidence"} a line out, in order (relation: support, oppose or unrelated).
    Relate {
        /// JSON Lines file, or `-` (the default) for standard input.
        #[arg(default_value = "-")]
        file: PathBuf,
        /// Output format (JSON Lines).
        #[arg(long, value_enum, default_value_t = RelateFormat::Json)]
        format: RelateFormat,
        /// Extra lexicon files that extend the embedded ones.
        #[arg(long, value_name = "DIR")]
        lexicon: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RelateFormat {
    Json,
}

/// What every command reads and where it writes.
#[derive(clap::Args)]
struct Input {
    /// Articles: files, directories (their .txt/.md, .html or .jsonl files, recursively) or
    /// `-`; nothing reads standard input.
    files: Vec<PathBuf>,
    /// Extra lexicon files (verbs.tsv, titles.tsv, …) that extend the embedded ones.
    #[arg(long, value_name = "DIR")]
    lexicon: Option<PathBuf>,
    /// Replace invalid UTF-8 instead of failing (offsets then refer to the replaced text).
    #[arg(long)]
    lossy: bool,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// What the input is: by extension (auto: .html/.htm, .jsonl, else text), plain text, an
    /// HTML page whose article text is extracted first (offsets then refer to the extracted
    /// text, which JSON output includes as `text`), or JSON Lines of {"id", "title", "text", …}.
    #[arg(long, value_enum, default_value_t = InputKind::Auto)]
    input: InputKind,
    /// Refuse documents larger than this many bytes (default 64 MiB).
    #[arg(long, value_name = "BYTES", default_value_t = isnad::decode::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
    /// Worker threads for many documents (default: one per core).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum LintFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum CorpusFormat {
    Html,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputKind {
    Auto,
    Text,
    Html,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum GraphFormat {
    Dot,
    Graphml,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Colour {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum Lang {
    Auto,
    Ar,
    En,
}

fn rule_list(s: &str) -> Result<Vec<Rule>, String> {
    Policy::rules(s)
}

fn one_rule(s: &str) -> Result<Rule, String> {
    match Policy::rules(s)?.as_slice() {
        [r] => Ok(*r),
        _ => Err("name one rule".into()),
    }
}

/// An error with the exit code it should produce.
struct Failure(u8, anyhow::Error);

impl Failure {
    fn io(e: anyhow::Error) -> Failure {
        Failure(EXIT_IO, e)
    }

    /// A library error: bad input or I/O, by its kind.
    fn of(e: isnad::Error, context: String) -> Failure {
        let code = if e.is_bad_input() {
            EXIT_BAD_INPUT
        } else {
            EXIT_IO
        };
        let hint = if matches!(e, isnad::Error::TooLarge { .. }) {
            " (raise the limit with --max-bytes)"
        } else {
            ""
        };
        if matches!(e, isnad::Error::Read { .. }) {
            return Failure(code, anyhow::Error::new(e));
        }
        Failure(
            code,
            anyhow::Error::new(e).context(format!("{context}{hint}")),
        )
    }
}

/// `isnad relate`: exit 65 when some lines were not records.
fn relate(file: &Path, lexicon: Option<&Path>) -> Result<u8, Failure> {
    let lex = match lexicon {
        Some(dir) => Lexicon::with_dir(dir)
            .with_context(|| format!("loading lexicon from {}", dir.display()))
            .map_err(|e| Failure(EXIT_BAD_INPUT, e))?,
        None => Lexicon::embedded(),
    };
    let out = std::io::stdout().lock();
    let bad = if file == Path::new("-") {
        isnad::relate::run(&lex, std::io::stdin().lock(), out, "<stdin>")
    } else {
        let f = std::fs::File::open(file)
            .with_context(|| format!("cannot read {}", file.display()))
            .map_err(Failure::io)?;
        isnad::relate::run(
            &lex,
            std::io::BufReader::new(f),
            out,
            &file.display().to_string(),
        )
    }
    .map_err(|e| Failure::of(e, "relate".into()))?;
    if bad > 0 {
        eprintln!("isnad: {bad} line(s) were not {{\"id\", \"a\", \"b\"}} records");
        return Ok(EXIT_BAD_INPUT);
    }
    Ok(0)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(Failure(code, e)) => {
            eprintln!("isnad: {e:#}");
            ExitCode::from(code)
        }
    }
}

fn run(cli: Cli) -> Result<u8, Failure> {
    match cli.command {
        Command::Analyze { input, format } => {
            let job = Job::new(&input)?;
            if job.many && matches!(format, Format::Html) {
                return Err(Failure::io(anyhow::anyhow!(
                    "many documents make many pages: use isnad report … -o DIR"
                )));
            }
            job.each(&input, |d, many| match format {
                Format::Json if many => {
                    let record = batch::Record {
                        meta: &d.meta,
                        analysis: &d.analysis,
                    };
                    serde_json::to_string(&record).expect("the model serializes")
                }
                Format::Json => isnad::render::json(&d.analysis),
                Format::Text if many => {
                    format!("# {}\n{}", d.meta.id, isnad::render::text(&d.analysis))
                }
                Format::Text => isnad::render::text(&d.analysis),
                Format::Html => isnad::report::html(&d.text, &d.analysis, &d.meta.id),
            })
        }
        Command::Lint {
            input,
            format,
            deny,
            allow,
            explain,
            color,
            lang,
        } => {
            if let Some(rule) = explain {
                print!("{}", lint::explain(rule));
                return Ok(0);
            }
            let policy = Policy {
                deny: deny.into_iter().flatten().collect(),
                allow: allow.into_iter().flatten().collect(),
            };
            let to_terminal = input.output.is_none() && std::io::stdout().is_terminal();
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let style = lint::Style {
                colour: match color {
                    Colour::Always => true,
                    Colour::Never => false,
                    Colour::Auto => to_terminal && !no_color,
                },
            };
            let total = std::sync::Mutex::new(Summary::default());
            let job = Job::new(&input)?;
            let mut code = job.each(&input, |d, _| {
                let l = lang_labels(lang, &d.text);
                let diags = lint::lint(&d.text, &d.analysis, l, &policy);
                total
                    .lock()
                    .expect("no panic holds it")
                    .merge(Summary::of(&diags));
                match format {
                    LintFormat::Json => lint::json(&d.meta.id, &diags),
                    LintFormat::Text => lint::render(&d.meta.id, &d.text, &diags, style),
                }
            })?;
            let total = total.into_inner().expect("no panic holds it");
            if matches!(format, LintFormat::Text) {
                eprintln!(
                    "isnad: {} error(s), {} warning(s), {} note(s)",
                    total.errors, total.warnings, total.notes
                );
            }
            if total.errors > 0 && code == 0 {
                code = EXIT_DENIED;
            }
            Ok(code)
        }
        Command::Report {
            input,
            corpus: Some(path),
            format,
        } => corpus(input, path, format),
        Command::Report { input, .. } => {
            let job = Job::new(&input)?;
            if job.many {
                return job.pages(&input);
            }
            job.each(&input, |d, _| {
                isnad::report::html(&d.text, &d.analysis, &d.meta.id)
            })
        }
        Command::Relate {
            file,
            format: RelateFormat::Json,
            lexicon,
        } => relate(&file, lexicon.as_deref()),
        Command::Graph { input, format } => {
            let job = Job::new(&input)?;
            if job.many {
                let named: Vec<String> = input
                    .files
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect();
                return Err(Failure::io(anyhow::anyhow!(
                    "{}: graph reads one article, not several, a directory or JSON Lines",
                    named.join(", ")
                )));
            }
            job.each(&input, |d, _| {
                let g = isnad::graph::build(&d.analysis);
                match format {
                    GraphFormat::Dot => isnad::render::dot(&g),
                    GraphFormat::Graphml => isnad::render::graphml(&g),
                    GraphFormat::Json => isnad::render::node_link(&g),
                }
            })
        }
    }
}

fn lang_labels(lang: Lang, text: &str) -> &'static Labels {
    match lang {
        Lang::Auto => labels::for_text(text),
        Lang::Ar => &labels::AR,
        Lang::En => &labels::EN,
    }
}

/// The archive report over one path.
fn corpus(mut input: Input, path: PathBuf, format: CorpusFormat) -> Result<u8, Failure> {
    input.files = vec![path.clone()];
    if path.as_os_str() == "-" && input.input == InputKind::Auto {
        input.input = InputKind::Jsonl;
    }
    let job = Job::new(&input)?;
    let mut counts = isnad::corpus::Corpus::new(job.analyzer.lexicon().clone());
    let failed = job.run(
        &input,
        |d| d,
        |r| match r {
            Ok(d) => counts.add(&d.meta, &d.analysis),
            Err(_) => counts.add_failed(),
        },
    );
    let summary = counts.finish();
    let out = match format {
        CorpusFormat::Html => isnad::report::corpus_html(&summary, &path.display().to_string()),
        CorpusFormat::Json => {
            serde_json::to_string_pretty(&summary).expect("the summary serializes") + "\n"
        }
    };
    write_output(input.output.as_deref(), out.as_bytes()).map_err(Failure::io)?;
    Ok(failed)
}

/// One run over the documents the flags name.
struct Job {
    analyzer: Analyzer,
    origins: Vec<Origin>,
    format: Option<batch::Format>,
    opts: batch::Options,
    many: bool,
}

impl Job {
    fn new(input: &Input) -> Result<Job, Failure> {
        let lexicon = match &input.lexicon {
            Some(dir) => Lexicon::with_dir(dir)
                .with_context(|| format!("loading lexicon from {}", dir.display()))
                .map_err(|e| Failure(EXIT_BAD_INPUT, e))?,
            None => Lexicon::embedded(),
        };
        let origins: Vec<Origin> = if input.files.is_empty() {
            vec![Origin::Stdin]
        } else {
            input
                .files
                .iter()
                .map(|p| {
                    if p.as_os_str() == "-" {
                        Origin::Stdin
                    } else {
                        Origin::Path(p.clone())
                    }
                })
                .collect()
        };
        let format = match input.input {
            InputKind::Auto => None,
            InputKind::Text => Some(batch::Format::Text),
            InputKind::Html => Some(batch::Format::Html),
            InputKind::Jsonl => Some(batch::Format::Jsonl),
        };
        if let Some(n) = input.jobs {
            // Fails only if the pool was already built, which it is not.
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build_global();
        }
        Ok(Job {
            analyzer: Analyzer::with_lexicon(lexicon),
            many: Reader::is_many(&origins, format),
            origins,
            format,
            opts: batch::Options {
                lossy: input.lossy,
                max_bytes: input.max_bytes,
            },
        })
    }

    /// Analyzes every document in parallel and hands each result, in input order, to `emit`.
    /// `work` turns an analysis into what is kept. Returns the exit status the failures call
    /// for (0 when none failed); each failure is reported on standard error with its id.
    fn run<R: Send>(
        &self,
        input: &Input,
        work: impl Fn(Analyzed) -> R + Sync,
        mut emit: impl FnMut(Result<R, String>),
    ) -> u8 {
        let bar = progress(self.many && !input.quiet);
        let (mut bad, mut io) = (false, false);
        let reader = Reader::new(self.origins.clone(), self.format);
        batch::ordered(
            reader,
            batch::item_size,
            |item: Item| {
                let id = item.meta.id.clone();
                // A bug on one document must not cost the others.
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    batch::analyze(&self.analyzer, item, self.opts).map(&work)
                }));
                match outcome {
                    Ok(Ok(r)) => Ok(r),
                    Ok(Err(e)) => Err((id, e.is_bad_input(), e.to_string())),
                    Err(_) => Err((id, true, "internal error (please report it)".into())),
                }
            },
            |r| {
                bar.inc(1);
                match r {
                    Ok(r) => emit(Ok(r)),
                    Err((id, is_bad, message)) => {
                        if is_bad {
                            bad = true;
                        } else {
                            io = true;
                        }
                        // A record's error already names its place.
                        if message.starts_with(&format!("{id}: ")) {
                            bar.suspend(|| eprintln!("isnad: {message}"));
                        } else {
                            bar.suspend(|| eprintln!("isnad: {id}: {message}"));
                        }
                        emit(Err(id_error(&id, &message)));
                    }
                }
            },
        );
        bar.finish_and_clear();
        if io {
            EXIT_IO
        } else if bad {
            EXIT_BAD_INPUT
        } else {
            0
        }
    }

    /// Renders each document with `render` and writes the results, in order: one document as
    /// it is, many as one record each. A single document that fails fails the run with nothing
    /// written.
    fn each(
        &self,
        input: &Input,
        render: impl Fn(&Analyzed, bool) -> String + Sync,
    ) -> Result<u8, Failure> {
        if !self.many {
            let mut reader = Reader::new(self.origins.clone(), self.format);
            let Some(item) = reader.next() else {
                return Ok(0);
            };
            let id = item.meta.id.clone();
            let d =
                batch::analyze(&self.analyzer, item, self.opts).map_err(|e| Failure::of(e, id))?;
            let mut out = render(&d, false);
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            write_output(input.output.as_deref(), out.as_bytes()).map_err(Failure::io)?;
            return Ok(0);
        }
        let mut sink = Sink::open(input.output.as_deref()).map_err(Failure::io)?;
        let mut broken = false;
        let code = self.run(
            input,
            |d| render(&d, true),
            |r| {
                let line = match r {
                    Ok(s) => s,
                    Err(record) => record,
                };
                broken |= sink.line(&line).is_err();
            },
        );
        sink.finish().map_err(Failure::io)?;
        if broken {
            return Err(Failure::io(anyhow::anyhow!("cannot write the output")));
        }
        Ok(code)
    }

    /// One report page per document, into the directory -o names.
    fn pages(&self, input: &Input) -> Result<u8, Failure> {
        let dir = input.output.as_deref().ok_or_else(|| {
            Failure::io(anyhow::anyhow!(
                "many documents make many pages: name a directory with -o DIR"
            ))
        })?;
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create {}", dir.display()))
            .map_err(Failure::io)?;
        let mut failed = None;
        let code = self.run(
            input,
            |d| {
                let page = isnad::report::html(&d.text, &d.analysis, &d.meta.id);
                let path = dir.join(format!("{}.html", file_name(&d.meta.id)));
                write_output(Some(&path), page.as_bytes()).map_err(|e| format!("{e:#}"))
            },
            |r| {
                if let Ok(Err(e)) = r {
                    failed.get_or_insert(e);
                }
            },
        );
        if let Some(e) = failed {
            return Err(Failure::io(anyhow::anyhow!(e)));
        }
        Ok(code)
    }
}

/// A document id as a file name: letters, digits, `-`, `_` and `.` kept, the rest `_`.
fn file_name(id: &str) -> String {
    let name: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    name.trim_start_matches('.').to_string()
}

/// The JSON Lines record of a failed document.
fn id_error(id: &str, message: &str) -> String {
    serde_json::to_string(&batch::Failed {
        id,
        error: message.to_string(),
    })
    .expect("strings serialize")
}

/// A progress bar on standard error, when it is a terminal.
fn progress(wanted: bool) -> indicatif::ProgressBar {
    if !wanted || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} {human_pos} documents · {per_sec} · {elapsed}",
    ) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// Where many records go: standard output, or a temporary file renamed at the end.
struct Sink {
    out: Box<dyn Write>,
    target: Option<(PathBuf, PathBuf)>,
}

impl Sink {
    fn open(path: Option<&Path>) -> Result<Sink> {
        let Some(path) = path else {
            return Ok(Sink {
                out: Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
                target: None,
            });
        };
        let tmp = temporary(path);
        let file = std::fs::File::create(&tmp)
            .with_context(|| format!("cannot write {}", tmp.display()))?;
        Ok(Sink {
            out: Box::new(std::io::BufWriter::new(file)),
            target: Some((tmp, path.to_path_buf())),
        })
    }

    fn line(&mut self, s: &str) -> std::io::Result<()> {
        if s.is_empty() {
            return Ok(());
        }
        self.out.write_all(s.as_bytes())?;
        if !s.ends_with('\n') {
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Gives up: the temporary file is removed and the target left as it was.
    fn discard(self) {
        drop(self.out);
        if let Some((tmp, _)) = self.target {
            let _ = std::fs::remove_file(tmp);
        }
    }

    fn finish(mut self) -> Result<()> {
        let flushed = self.out.flush();
        drop(self.out);
        match self.target {
            None => flushed.context("cannot write standard output"),
            Some((tmp, path)) => {
                let done = flushed
                    .map_err(anyhow::Error::new)
                    .and_then(|()| std::fs::rename(&tmp, &path).map_err(anyhow::Error::new));
                if done.is_err() {
                    let _ = std::fs::remove_file(&tmp);
                }
                done.with_context(|| format!("cannot write {}", path.display()))
            }
        }
    }
}

/// A temporary file beside the target.
fn temporary(path: &Path) -> PathBuf {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.join(format!(".{name}.isnad-tmp-{}", std::process::id()))
}

/// Writes to a temporary file beside the target and renames it, so a failed run leaves no
/// partial output.
fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    let mut sink = Sink::open(path)?;
    let written = sink.out.write_all(bytes);
    if let Err(e) = written {
        sink.discard();
        return Err(anyhow::Error::new(e).context(match path {
            Some(p) => format!("cannot write {}", p.display()),
            None => "cannot write standard output".into(),
        }));
    }
    sink.finish()
}
