//! The `isnad` command line: parses arguments, calls the library, prints.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::anyhow;
use clap::{Parser, Subcommand, ValueEnum};
use isnad::batch::{self, Analyzed, Item, Origin, Reader};
use isnad::flags::Rule;
use isnad::lint::{self, Policy, Summary};
use isnad::output::{OutputError, Sink};
use isnad::report::labels::{self, Labels};
use isnad::{Analyzer, Lexicon};

/// Exit codes, as documented in the README; [`Failure::code`] is the one place that maps
/// failures to them.
const EXIT_DENIED: u8 = 1;
const EXIT_USAGE: u8 = 2;
const EXIT_BAD_INPUT: u8 = 65;
const EXIT_NO_INPUT: u8 = 66;
const EXIT_IO: u8 = 74;

/// The largest `--max-bytes`: offsets are 32-bit inside, and folding may lengthen a text (a
/// ligature into its letters), so documents stay well under 4 GiB.
const MAX_BYTES_CEILING: usize = 1 << 30;
/// The most worker threads `-j` starts.
const MAX_JOBS: usize = 1024;

const ANALYZE_EXAMPLES: &str = "Examples:
  isnad analyze article.txt
  isnad analyze article.txt --format json -o article.json
  echo 'قال الوزير إن الجلسة تأجلت.' | isnad analyze
  isnad analyze page.html --format json
  isnad analyze drafts/ --format csv -o attributions.csv
  zcat archive.jsonl.gz | isnad analyze --input jsonl --format json > analyzed.jsonl";

const REPORT_EXAMPLES: &str = "Examples:
  isnad report article.txt -o article.html
  isnad report drafts/ -o pages/
  isnad report --corpus archive.jsonl -o corpus.html
  isnad report --corpus drafts/ --format json";

const GRAPH_EXAMPLES: &str = "Examples:
  isnad graph article.txt | dot -Tsvg > graph.svg
  isnad graph article.txt --format graphml -o graph.graphml
  isnad graph article.txt --format json";

/// `lint --help`'s end: the rules, each with its level and what it fires on, then examples.
fn lint_help() -> String {
    let mut out = String::from("Rules:\n");
    for &rule in Rule::ALL {
        let doc = lint::explain(rule);
        let level = doc
            .lines()
            .next()
            .and_then(|t| t.rsplit_once('('))
            .map_or("", |(_, l)| l.trim_end_matches(')'));
        let what: Vec<&str> = doc
            .lines()
            .skip(2)
            .take_while(|l| !l.trim().is_empty())
            .map(str::trim)
            .collect();
        out.push_str(&format!(
            "  {:<26} {:<8} {}\n",
            rule.as_str(),
            level,
            what.join(" ")
        ));
    }
    out.push_str(
        "\nExamples:
  isnad lint draft.txt
  isnad lint drafts/ --deny single-anonymous-source
  isnad lint draft.txt --allow vague-attribution,distancing-verb --lang en
  isnad lint --explain one-sided",
    );
    out
}

#[derive(Parser)]
#[command(
    name = "isnad",
    version,
    about = "Finds who says what in Arabic news text",
    after_help = "Exit status: 0 ok, 1 lint findings denied by --deny, 2 usage, 65 bad input \
                  (not UTF-8, binary, over --max-bytes, bad lexicon; with many documents: some \
                  were bad), 66 no input (a directory with no document), 74 I/O error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find every attribution in an article, or in many (JSON Lines out, one per document).
    #[command(after_help = ANALYZE_EXAMPLES)]
    Analyze {
        #[command(flatten)]
        input: Input,
        /// Output format (many documents: json gives JSON Lines).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Editorial findings as compiler-style diagnostics: `file:line:col: warning[rule]: …`.
    #[command(after_help = lint_help())]
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
        /// Drop findings of these rules, also of rules --deny names (`--deny all --allow X`
        /// fails on every rule but X). Repeatable.
        #[arg(long, value_name = "RULE|all", value_parser = rule_list)]
        allow: Vec<Vec<Rule>>,
        /// Print what a rule checks, why, and what would fix it; then exit (in Arabic with
        /// --lang ar).
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
    #[command(after_help = REPORT_EXAMPLES)]
    Report {
        #[command(flatten)]
        input: Input,
        /// An archive report instead: the documents of this directory, JSON Lines file, or `-`
        /// (JSON Lines on standard input) counted together.
        #[arg(long, value_name = "DIR|FILE.jsonl|-")]
        corpus: Option<PathBuf>,
        /// Format of the archive report: the HTML page, its figures as JSON, or its tables as
        /// one CSV table (a `table` column says which).
        #[arg(long, value_enum, default_value_t = CorpusFormat::Html, requires = "corpus")]
        format: CorpusFormat,
        /// With --corpus: link each contested claim and top source to its article's page in
        /// this directory (as `report ARCHIVE -o DIR` writes them), a path relative to the
        /// archive page.
        #[arg(long, value_name = "DIR", requires = "corpus")]
        pages: Option<PathBuf>,
    },
    /// Mine an archive (JSON Lines) for reporting verbs, verbal nouns and frames the lexicon
    /// lacks: each with its counts, forms and a few contexts, for review.
    Mine {
        #[command(flatten)]
        input: Input,
        /// Output format.
        #[arg(long, value_enum, default_value_t = LintFormat::Text)]
        format: LintFormat,
        /// Drop candidates seen fewer times.
        #[arg(long, value_name = "N", default_value_t = 5)]
        min_count: usize,
        /// Contexts shown per candidate.
        #[arg(long, value_name = "N", default_value_t = 3)]
        contexts: usize,
        /// Show at most this many candidates (0: all).
        #[arg(long, value_name = "N", default_value_t = 0)]
        limit: usize,
    },
    /// The sourcing graph of an article: sources and claims, and who says, supports, opposes,
    /// declines or relays what.
    #[command(after_help = GRAPH_EXAMPLES)]
    Graph {
        #[command(flatten)]
        input: Input,
        /// Output format: Graphviz DOT, GraphML (Gephi, Cytoscape, networkx) or node-link JSON.
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
    },
    /// The editor's desk: a local page where a draft is checked as it is written, and the
    /// same analysis, lint and report as an HTTP API.
    Serve {
        /// Where to listen; anything but loopback is warned about.
        #[arg(long, default_value = isnad::serve::DEFAULT_ADDR)]
        addr: std::net::SocketAddr,
        /// Refuse drafts larger than this many bytes (413).
        #[arg(long, value_name = "BYTES", default_value_t = isnad::serve::DEFAULT_MAX_BYTES)]
        max_bytes: usize,
        /// Analyses run at once (default: one per core); more requests wait their turn.
        #[arg(long, value_name = "N")]
        workers: Option<usize>,
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
    /// Write to this file (replaced whole, never left partial; a device or pipe is written
    /// through) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// What the input is: by extension (auto: .html/.htm, .jsonl, else text), plain text, an
    /// HTML page whose article text is extracted first (offsets then refer to the extracted
    /// text, which JSON output includes as `text`), or JSON Lines of {"id", "title", "text", …}.
    #[arg(long, value_enum, default_value_t = InputKind::Auto)]
    input: InputKind,
    /// Refuse documents (and JSON Lines lines) larger than this many bytes, without reading
    /// past it (default 64 MiB; at most 1 GiB).
    #[arg(long, value_name = "BYTES", default_value_t = isnad::decode::DEFAULT_MAX_BYTES, value_parser = max_bytes)]
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
    /// One row per attribution (RFC 4180).
    Csv,
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
    Csv,
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

/// One rule, for `--explain`: `all` and lists are not rules.
fn one_rule(s: &str) -> Result<Rule, String> {
    Rule::parse(s.trim()).ok_or_else(|| {
        let known: Vec<&str> = Rule::ALL.iter().map(|r| r.as_str()).collect();
        format!("unknown rule `{s}`; the rules are: {}", known.join(", "))
    })
}

fn max_bytes(s: &str) -> Result<usize, String> {
    let n: usize = s.parse().map_err(|e| format!("{e}"))?;
    if n > MAX_BYTES_CEILING {
        return Err(format!(
            "at most {MAX_BYTES_CEILING} (1 GiB): offsets inside are 32-bit"
        ));
    }
    Ok(n)
}

/// Why a run failed; each kind is one exit code.
enum Failure {
    /// The command line asks for something that cannot be done.
    Usage(anyhow::Error),
    /// The input is not something isnad reads.
    BadInput(anyhow::Error),
    /// There was nothing to read.
    NoInput(anyhow::Error),
    /// Reading or writing failed.
    Io(anyhow::Error),
    /// The reader of the output went away (`isnad … | head`): stop without a word.
    Closed,
}

impl Failure {
    /// The exit code of each kind of failure: the one place they are mapped.
    fn code(&self) -> u8 {
        match self {
            Failure::Usage(_) => EXIT_USAGE,
            Failure::BadInput(_) => EXIT_BAD_INPUT,
            Failure::NoInput(_) => EXIT_NO_INPUT,
            Failure::Io(_) => EXIT_IO,
            Failure::Closed => 0,
        }
    }

    fn usage(message: impl std::fmt::Display) -> Failure {
        Failure::Usage(anyhow!("{message}"))
    }

    /// A library error: bad input or I/O, by its kind, under `context` (the document) unless
    /// it names its place itself.
    fn of(e: isnad::Error, context: &str) -> Failure {
        let hint = if e.is_too_large() {
            " (raise the limit with --max-bytes)"
        } else {
            ""
        };
        let names_itself = matches!(
            e,
            isnad::Error::Read { .. }
                | isnad::Error::Record { .. }
                | isnad::Error::LexiconIo { .. }
        );
        let bad = e.is_bad_input();
        let e = if names_itself {
            anyhow!("{e}{hint}")
        } else {
            anyhow!("{context}: {e}{hint}")
        };
        if bad {
            Failure::BadInput(e)
        } else {
            Failure::Io(e)
        }
    }

    fn output(e: OutputError) -> Failure {
        if e.is_broken_pipe() {
            Failure::Closed
        } else {
            Failure::Io(anyhow::Error::new(e))
        }
    }
}

/// Says something on standard error, with the control and bidi-control characters of ids and
/// paths dropped, as lint does for the text: a name must not drive the terminal.
fn say(message: &str) {
    eprintln!("isnad: {}", lint::clean(message));
}

/// Removes the temporary output files when a signal ends the run, then ends as that signal
/// would have.
fn on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            isnad::output::remove_pending();
            let _ = signal_hook::low_level::emulate_default_handler(sig);
            std::process::exit(128 + sig);
        }
    });
}

/// `isnad relate`: exit 65 when some lines were not records.
fn relate(file: &std::path::Path, lexicon: Option<&std::path::Path>) -> Result<u8, Failure> {
    let lex = match lexicon {
        Some(dir) => Lexicon::with_dir(dir).map_err(|e| Failure::of(e, "lexicon"))?,
        None => Lexicon::embedded(),
    };
    let out = std::io::stdout().lock();
    let bad = if file.as_os_str() == "-" {
        isnad::relate::run(&lex, std::io::stdin().lock(), out, "<stdin>")
    } else {
        let f = std::fs::File::open(file)
            .map_err(|e| Failure::Io(anyhow!("cannot read {}: {e}", file.display())))?;
        isnad::relate::run(
            &lex,
            std::io::BufReader::new(f),
            out,
            &file.display().to_string(),
        )
    }
    .map_err(|e| Failure::of(e, "relate"))?;
    if bad > 0 {
        say(&format!(
            "{bad} line(s) were not {{\"id\", \"a\", \"b\"}} records"
        ));
        return Ok(EXIT_BAD_INPUT);
    }
    Ok(0)
}

/// Analyses make many small, short-lived allocations (stems, spans, the strings of the
/// output), which mimalloc serves in about an eighth less time than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc's `mi_option_t` (mimalloc.h; its numbering is kept across
/// versions, retired options keeping their slots).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory goes back to the system at once rather than after a delay: a long-running
/// server otherwise keeps the pages of every worker thread it has run. Batch runs keep the
/// delay, which saves them the system calls.
fn purge_at_once() {
    // SAFETY: sets one option value before any other thread is started; mimalloc reads it
    // whenever it purges.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if matches!(cli.command, Command::Serve { .. }) {
        purge_at_once();
    }
    // The server shuts down on these signals itself, finishing the requests in flight.
    if !matches!(cli.command, Command::Serve { .. }) {
        on_signals();
    }
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            match &f {
                Failure::Usage(e) | Failure::BadInput(e) | Failure::NoInput(e) | Failure::Io(e) => {
                    say(&format!("{e:#}"))
                }
                Failure::Closed => {}
            }
            ExitCode::from(f.code())
        }
    }
}

fn run(cli: Cli) -> Result<u8, Failure> {
    match cli.command {
        Command::Analyze { input, format } => {
            let job = Job::new(&input)?;
            if job.many && matches!(format, Format::Html) {
                return Err(Failure::usage(
                    "many documents make many pages: use isnad report … -o DIR",
                ));
            }
            let head = match format {
                Format::Csv => isnad::render::csv::header(),
                _ => String::new(),
            };
            job.each(&input, &head, |d, many| match format {
                Format::Json if many => {
                    let record = batch::Record {
                        meta: &d.meta,
                        analysis: &d.analysis,
                    };
                    serde_json::to_string(&record).expect("the model serializes")
                }
                Format::Json => isnad::render::json(&d.analysis),
                Format::Text if many => {
                    // The heading may reach a terminal: the id is cleaned as on stderr.
                    let id = lint::clean(&d.meta.id);
                    format!("# {id}\n{}", isnad::render::text(&d.text, &d.analysis))
                }
                Format::Text => isnad::render::text(&d.text, &d.analysis),
                Format::Html => isnad::report::html(&d.text, &d.analysis, &d.meta.id),
                Format::Csv => isnad::render::csv::rows(&d.meta.id, &d.text, &d.analysis),
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
                match lang {
                    Lang::Ar => print!("{}", lint::explain_ar(rule)),
                    Lang::Auto | Lang::En => print!("{}", lint::explain(rule)),
                }
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
            let mut code = job.each(&input, "", |d, _| {
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
                say(&format!(
                    "{} error(s), {} warning(s), {} note(s)",
                    total.errors, total.warnings, total.notes
                ));
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
            pages,
        } => corpus(input, path, format, pages),
        Command::Report { input, .. } => {
            let job = Job::new(&input)?;
            if job.many {
                return job.pages(&input);
            }
            job.each(&input, "", |d, _| {
                isnad::report::html(&d.text, &d.analysis, &d.meta.id)
            })
        }
        Command::Mine {
            input,
            format,
            min_count,
            contexts,
            limit,
        } => mine(
            input,
            format,
            isnad::mine::Options {
                min_count,
                contexts,
                limit,
            },
        ),
        Command::Serve {
            addr,
            max_bytes,
            workers,
        } => serve(addr, max_bytes, workers),
        Command::Relate {
            file,
            format: RelateFormat::Json,
            lexicon,
        } => relate(&file, lexicon.as_deref()),
        Command::Graph { input, format } => {
            let job = Job::new(&input)?;
            let render = |g: &isnad::graph::SourcingGraph| match format {
                GraphFormat::Dot => isnad::render::dot(g),
                GraphFormat::Graphml => isnad::render::graphml(g),
                GraphFormat::Json => isnad::render::node_link(g),
            };
            if job.many {
                // One graph of them all, sources and claims merged by name.
                let mut merged = isnad::graph::Merged::new();
                let (code, seen) = job.run(
                    &input,
                    |d| d,
                    |r| {
                        if let Ok(d) = r {
                            merged.add(&d.meta.id, &d.analysis);
                        }
                        ControlFlow::Continue(())
                    },
                );
                job.nothing_read(seen)?;
                let out = render(&merged.finish());
                isnad::output::write_output(input.output.as_deref(), out.as_bytes())
                    .map_err(Failure::output)?;
                return Ok(code);
            }
            job.each(&input, "", |d, _| render(&isnad::graph::build(&d.analysis)))
        }
    }
}

fn serve(
    addr: std::net::SocketAddr,
    max_bytes: usize,
    workers: Option<usize>,
) -> Result<u8, Failure> {
    let workers =
        workers.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let config = isnad::serve::Config {
        addr,
        max_bytes,
        workers,
        limits: Default::default(),
    };
    isnad::serve::run(Analyzer::new(), config).map_err(|e| Failure::Io(e.into()))?;
    Ok(0)
}

fn lang_labels(lang: Lang, text: &str) -> &'static Labels {
    match lang {
        Lang::Auto => labels::for_text(text),
        Lang::Ar => &labels::AR,
        Lang::En => &labels::EN,
    }
}

/// The archive report over one path.
fn corpus(
    mut input: Input,
    path: PathBuf,
    format: CorpusFormat,
    pages: Option<PathBuf>,
) -> Result<u8, Failure> {
    input.files = vec![path.clone()];
    if path.as_os_str() == "-" && input.input == InputKind::Auto {
        input.input = InputKind::Jsonl;
    }
    let job = Job::new(&input)?;
    let mut counts = isnad::corpus::Corpus::new(job.analyzer.lexicon().clone());
    let (failed, seen) = job.run(
        &input,
        |d| d,
        |r| {
            match r {
                Ok(d) => counts.add_in(&d.meta, &d.text, &d.analysis),
                Err(_) => counts.add_failed(),
            }
            ControlFlow::Continue(())
        },
    );
    job.nothing_read(seen)?;
    let summary = counts.finish();
    let out = match format {
        CorpusFormat::Html => isnad::report::corpus_page(
            &summary,
            &path.display().to_string(),
            pages.as_deref().map(|p| p.to_string_lossy()).as_deref(),
        ),
        CorpusFormat::Json => {
            serde_json::to_string_pretty(&summary).expect("the summary serializes") + "\n"
        }
        CorpusFormat::Csv => isnad::report::corpus_csv(&summary),
    };
    isnad::output::write_output(input.output.as_deref(), out.as_bytes())
        .map_err(Failure::output)?;
    Ok(failed)
}

/// Cue mining over the documents the flags name (standard input: JSON Lines).
fn mine(mut input: Input, format: LintFormat, opts: isnad::mine::Options) -> Result<u8, Failure> {
    let stdin = input.files.is_empty() || input.files.iter().any(|p| p.as_os_str() == "-");
    if stdin && input.input == InputKind::Auto {
        input.input = InputKind::Jsonl;
    }
    let job = Job::new(&input)?;
    let mut miner = isnad::mine::Miner::new(job.analyzer.lexicon(), opts.contexts);
    let mut code = 0;
    for item in job.reader() {
        let id = item.meta.id.clone();
        match batch::read(item, job.opts) {
            Ok((_, text)) => miner.add(&text),
            Err(e) => {
                say(&format!("{id}: {e}"));
                code = code.max(if e.is_bad_input() {
                    EXIT_BAD_INPUT
                } else {
                    EXIT_IO
                });
            }
        }
    }
    let mined = miner.finish(opts);
    let out = match format {
        LintFormat::Text => isnad::mine::text(&mined),
        LintFormat::Json => {
            serde_json::to_string_pretty(&mined).expect("the candidates serialize") + "\n"
        }
    };
    isnad::output::write_output(input.output.as_deref(), out.as_bytes())
        .map_err(Failure::output)?;
    Ok(code)
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
            Some(dir) => Lexicon::with_dir(dir).map_err(|e| Failure::of(e, "lexicon"))?,
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
            // More threads than this only wait on each other, and asking the system for many
            // thousands can fail inside a thread already started, where no error is returned.
            if n > MAX_JOBS {
                return Err(Failure::Io(anyhow!(
                    "cannot start {n} worker threads: at most {MAX_JOBS}"
                )));
            }
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build_global()
                .map_err(|e| Failure::Io(anyhow!("cannot start {n} worker threads: {e}")))?;
        }
        if input.files.is_empty() && std::io::stdin().is_terminal() {
            say("reading standard input (end it with Ctrl-D; isnad --help for usage)");
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

    fn reader(&self) -> Reader {
        Reader::new(self.origins.clone(), self.format)
            .limit(self.opts.max_bytes)
            .notes(|n| say(&n))
    }

    /// Exit 66 when a run over directories found no document at all: it did nothing.
    fn nothing_read(&self, seen: usize) -> Result<(), Failure> {
        let dirs = self
            .origins
            .iter()
            .any(|o| matches!(o, Origin::Path(p) if p.is_dir()));
        if seen == 0 && dirs {
            return Err(Failure::NoInput(anyhow!("no document to read")));
        }
        Ok(())
    }

    /// Analyzes every document in parallel and hands each result, in input order, to `emit`
    /// until it breaks. Returns the exit status the failures call for (0 when none failed),
    /// each failure being reported on standard error with its id, and the number of documents
    /// met.
    fn run<R: Send>(
        &self,
        input: &Input,
        work: impl Fn(Analyzed) -> R + Sync,
        mut emit: impl FnMut(Result<R, String>) -> ControlFlow<()>,
    ) -> (u8, usize) {
        let bar = progress(self.many && !input.quiet);
        let (mut bad, mut io, mut seen) = (false, false, 0);
        batch::ordered(
            self.reader(),
            batch::item_size,
            |item: Item| {
                let id = item.meta.id.clone();
                // A bug on one document must not cost the others.
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    batch::analyze(&self.analyzer, item, self.opts).map(|d| {
                        let foreign = batch::lacks_arabic(&d.text).then(|| d.meta.id.clone());
                        (foreign, work(d))
                    })
                }));
                match outcome {
                    Ok(Ok(r)) => Ok(r),
                    Ok(Err(e)) => {
                        let hint = if e.is_too_large() {
                            " (raise the limit with --max-bytes)"
                        } else {
                            ""
                        };
                        Err((id, e.is_bad_input(), format!("{e}{hint}")))
                    }
                    Err(_) => Err((id, true, "internal error (please report it)".into())),
                }
            },
            |r| {
                bar.inc(1);
                seen += 1;
                match r {
                    Ok((foreign, r)) => {
                        // Named when there are many documents, so the one meant is found.
                        if let Some(id) = foreign {
                            let message = if self.many {
                                format!("{id}: {NOT_ARABIC}")
                            } else {
                                NOT_ARABIC.to_string()
                            };
                            bar.suspend(|| say(&message));
                        }
                        emit(Ok(r))
                    }
                    Err((id, is_bad, message)) => {
                        if is_bad {
                            bad = true;
                        } else {
                            io = true;
                        }
                        // A record's error already names its place.
                        if message.starts_with(&format!("{id}: ")) {
                            bar.suspend(|| say(&message));
                        } else {
                            bar.suspend(|| say(&format!("{id}: {message}")));
                        }
                        emit(Err(id_error(&id, &message)))
                    }
                }
            },
        );
        bar.finish_and_clear();
        let code = if io {
            EXIT_IO
        } else if bad {
            EXIT_BAD_INPUT
        } else {
            0
        };
        (code, seen)
    }

    /// Renders each document with `render` and writes the results, in order, after `head`
    /// (a header row): one document as it is, many as one record each. A single document that
    /// fails fails the run with nothing written.
    fn each(
        &self,
        input: &Input,
        head: &str,
        render: impl Fn(&Analyzed, bool) -> String + Sync,
    ) -> Result<u8, Failure> {
        if !self.many {
            let mut reader = self.reader();
            let Some(item) = reader.next() else {
                return Ok(0);
            };
            let stdin_prose = self.format.is_none() && matches!(self.origins[..], [Origin::Stdin]);
            if stdin_prose {
                if let Ok(batch::Body::Bytes(b)) = &item.body {
                    if batch::looks_like_jsonl(b) {
                        return Err(Failure::usage(
                            "standard input looks like JSON Lines: read it with --input jsonl",
                        ));
                    }
                }
            }
            let id = item.meta.id.clone();
            let d =
                batch::analyze(&self.analyzer, item, self.opts).map_err(|e| Failure::of(e, &id))?;
            if batch::lacks_arabic(&d.text) {
                say(&format!("{id}: {NOT_ARABIC}"));
            }
            let mut out = head.to_string() + &render(&d, false);
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            isnad::output::write_output(input.output.as_deref(), out.as_bytes())
                .map_err(Failure::output)?;
            return Ok(0);
        }
        let mut sink = Sink::open(input.output.as_deref()).map_err(Failure::output)?;
        let mut failed = sink.line(head).err();
        // A table has no place for a failure's record: its message on standard error says it.
        let records = head.is_empty();
        let (code, seen) = self.run(
            input,
            |d| render(&d, true),
            |r| {
                if failed.is_some() {
                    return ControlFlow::Break(());
                }
                let written = match r {
                    Ok(s) => sink.line(&s),
                    Err(record) if records => sink.line(&record),
                    Err(_) => Ok(()),
                };
                match written {
                    Ok(()) => ControlFlow::Continue(()),
                    Err(e) => {
                        failed = Some(e);
                        ControlFlow::Break(())
                    }
                }
            },
        );
        if let Some(e) = failed {
            // Dropping the sink removes its temporary file.
            return Err(Failure::output(e));
        }
        // Nothing read leaves no output either: the sink is dropped unfinished.
        self.nothing_read(seen)?;
        sink.finish().map_err(Failure::output)?;
        Ok(code)
    }

    /// One report page per document, into the directory -o names. Page names are unique
    /// (a repeated or colliding id gets a number) and bounded; every page that cannot be
    /// written is reported.
    fn pages(&self, input: &Input) -> Result<u8, Failure> {
        let dir = input.output.as_deref().ok_or_else(|| {
            Failure::usage("many documents make many pages: name a directory with -o DIR")
        })?;
        let page_like = dir
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        if page_like && !dir.is_dir() {
            return Err(Failure::usage(format!(
                "{}: many documents make many pages, so -o names a directory, not a page",
                dir.display()
            )));
        }
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::Io(anyhow!("cannot create {}: {e}", dir.display())))?;
        let mut names = PageNames::default();
        let mut unwritten = 0usize;
        let mut staged = Vec::new();
        let mut index: Vec<isnad::report::Entry> = Vec::new();
        let (code, seen) = self.run(
            input,
            |d| {
                let page = isnad::report::page(&d.text, &d.analysis, &d.meta);
                let attributions = d.analysis.attributions.len();
                (d.meta, attributions, page)
            },
            |r| {
                match r {
                    Ok((meta, attributions, page)) => {
                        let file = names.next(&meta.id);
                        let written = Sink::open(Some(&dir.join(&file))).and_then(|mut sink| {
                            sink.write(page.as_bytes())?;
                            sink.stage()
                        });
                        match written {
                            Ok(s) => {
                                staged.extend(s);
                                index.push(isnad::report::Entry {
                                    page: Some(file),
                                    attributions,
                                    meta,
                                });
                            }
                            Err(e) => {
                                say(&format!("{}: {e}", meta.id));
                                unwritten += 1;
                            }
                        }
                        // Pages are synced a few hundred at a time, not one by one.
                        if staged.len() >= 256 {
                            unwritten += commit_pages(&mut staged);
                        }
                    }
                    Err(record) => {
                        // The failure's record names the document.
                        let id = serde_json::from_str::<serde_json::Value>(&record)
                            .ok()
                            .and_then(|v| v["id"].as_str().map(String::from))
                            .unwrap_or_default();
                        index.push(isnad::report::Entry::failed(id));
                    }
                }
                ControlFlow::Continue(())
            },
        );
        unwritten += commit_pages(&mut staged);
        self.nothing_read(seen)?;
        if unwritten > 0 {
            return Err(Failure::Io(anyhow!(
                "{unwritten} page(s) could not be written into {}",
                dir.display()
            )));
        }
        let page = isnad::report::index_html(&index, &dir.display().to_string());
        isnad::output::write_output(Some(&dir.join("index.html")), page.as_bytes())
            .map_err(Failure::output)?;
        Ok(code)
    }
}

/// Puts staged pages in place; reports each that failed and returns how many did.
fn commit_pages(staged: &mut Vec<isnad::output::Staged>) -> usize {
    let failed = isnad::output::commit(std::mem::take(staged));
    for e in &failed {
        say(&e.to_string());
    }
    failed.len()
}

const NOT_ARABIC: &str = "the text has no Arabic letter: isnad reads Arabic news text";

/// File names for report pages: each id made a file name, and numbered when it repeats one
/// already given (`same`, then `same-2`; `a/b` and `a_b`).
#[derive(Default)]
struct PageNames {
    taken: HashSet<String>,
}

impl PageNames {
    fn next(&mut self, id: &str) -> String {
        let first = isnad::report::page_file(id);
        let base = first.strip_suffix(".html").unwrap_or(&first).to_string();
        let mut name = first.clone();
        let mut n = 1;
        // Compared without case: some file systems do not tell `A` from `a`.
        while !self.taken.insert(name.to_lowercase()) {
            n += 1;
            name = format!("{base}-{n}.html");
        }
        name
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_names_are_unique_and_bounded() {
        let mut names = PageNames::default();
        let got: Vec<String> = ["same", "same", "a/b", "a_b", "", "...", "A_B"]
            .iter()
            .map(|id| names.next(id))
            .collect();
        assert_eq!(
            got,
            [
                "same.html",
                "same-2.html",
                "a_b.html",
                "a_b-2.html",
                "document.html",
                "document-2.html",
                "A_B-3.html"
            ]
        );
        let long = names.next(&"م".repeat(1000));
        assert!(long.len() <= 255, "{}", long.len());
        assert!(names.next(&"م".repeat(1000)).ends_with("-2.html"));
    }

    #[test]
    fn explain_takes_one_rule_and_offers_only_rules() {
        assert!(one_rule("one-sided").is_ok());
        let e = one_rule("all").unwrap_err();
        assert!(!e.contains("all,") && e.contains("one-sided"), "{e}");
    }

    #[test]
    fn the_lint_help_lists_every_rule() {
        let help = lint_help();
        for r in Rule::ALL {
            assert!(help.contains(r.as_str()), "{help}");
        }
    }
}
