//! The `isnad` command line: parses arguments, calls the library, prints.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use isnad::{Analyzer, Lexicon};

/// Exit codes, as documented in the README.
const EXIT_BAD_INPUT: u8 = 65;
const EXIT_IO: u8 = 74;

#[derive(Parser)]
#[command(
    name = "isnad",
    version,
    about = "Finds who says what in Arabic news text",
    after_help = "Exit status: 0 ok, 2 usage, 65 bad input (not UTF-8, binary, over --max-bytes, bad lexicon), 74 I/O error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find every attribution in an article.
    Analyze {
        #[command(flatten)]
        input: Input,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// The sourcing report: one self-contained HTML page (scorecard, the annotated article,
    /// flags for the editor, claims with their confirmations and denials, sources, graph).
    Report {
        #[command(flatten)]
        input: Input,
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
}

/// What every command reads and where it writes.
#[derive(clap::Args)]
struct Input {
    /// The article (UTF-8 text); `-` or nothing reads standard input.
    file: Option<PathBuf>,
    /// Extra lexicon files (verbs.tsv, titles.tsv, …) that extend the embedded ones.
    #[arg(long, value_name = "DIR")]
    lexicon: Option<PathBuf>,
    /// Replace invalid UTF-8 instead of failing (offsets then refer to the replaced text).
    #[arg(long)]
    lossy: bool,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// What the input is: plain text, or an HTML page whose article text is extracted first
    /// (offsets then refer to the extracted text, which JSON output includes as `text`).
    #[arg(long, value_enum, default_value_t = InputKind::Text)]
    input: InputKind,
    /// Refuse inputs larger than this many bytes (default 64 MiB).
    #[arg(long, value_name = "BYTES", default_value_t = isnad::decode::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputKind {
    Text,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum GraphFormat {
    Dot,
    Graphml,
    Json,
}

/// Turns an analysis (of the text, named) into what a command prints.
type Renderer = Box<dyn Fn(&str, &isnad::Analysis, &str) -> String>;

/// An error with the exit code it should produce.
struct Failure(u8, anyhow::Error);

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(code, e)) => {
            eprintln!("isnad: {e:#}");
            ExitCode::from(code)
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let (input, render): (Input, Renderer) = match cli.command {
        Command::Analyze { input, format } => (
            input,
            Box::new(move |text, a, name| match format {
                Format::Json => isnad::render::json(a),
                Format::Text => isnad::render::text(a),
                Format::Html => isnad::report::html(text, a, name),
            }),
        ),
        Command::Report { input } => (input, Box::new(isnad::report::html)),
        Command::Graph { input, format } => (
            input,
            Box::new(move |_, a, _| {
                let g = isnad::graph::build(a);
                match format {
                    GraphFormat::Dot => isnad::render::dot(&g),
                    GraphFormat::Graphml => isnad::render::graphml(&g),
                    GraphFormat::Json => isnad::render::node_link(&g),
                }
            }),
        ),
    };
    let (name, text, analysis) = analyze(&input)?;
    let mut rendered = render(&text, &analysis, &name);
    if !rendered.ends_with('\n') {
        rendered.push('\n');
    }
    write_output(input.output.as_deref(), rendered.as_bytes()).map_err(|e| Failure(EXIT_IO, e))
}

/// Reads and analyzes the input the flags name: its name, its text and the analysis.
fn analyze(input: &Input) -> Result<(String, String, isnad::Analysis), Failure> {
    let lex = match &input.lexicon {
        Some(dir) => Lexicon::with_dir(dir)
            .with_context(|| format!("loading lexicon from {}", dir.display()))
            .map_err(|e| Failure(EXIT_BAD_INPUT, e))?,
        None => Lexicon::embedded(),
    };
    let analyzer = Analyzer::with_lexicon(lex);
    let (name, bytes) = read_input(input.file.as_deref()).map_err(|e| Failure(EXIT_IO, e))?;
    isnad::decode::check_size(&bytes, input.max_bytes)
        .map_err(anyhow::Error::new)
        .with_context(|| format!("{name} (raise the limit with --max-bytes)"))
        .map_err(|e| Failure(EXIT_BAD_INPUT, e))?;
    let text = if input.lossy {
        isnad::decode::decode_lossy(&bytes).into_owned()
    } else {
        isnad::decode::decode(&bytes)
            .map(str::to_string)
            .with_context(|| name.clone())
            .map_err(|e| Failure(EXIT_BAD_INPUT, e))?
    };
    if input.input == InputKind::Html {
        let extracted = isnad::html::extract(&text);
        let mut analysis = analyzer.analyze(&extracted);
        analysis.text = Some(extracted.clone());
        return Ok((name, extracted, analysis));
    }
    let analysis = analyzer.analyze(&text);
    Ok((name, text, analysis))
}

fn read_input(file: Option<&std::path::Path>) -> Result<(String, Vec<u8>)> {
    match file {
        None => read_stdin(),
        Some(p) if p.as_os_str() == "-" => read_stdin(),
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            Ok((p.display().to_string(), bytes))
        }
    }
}

fn read_stdin() -> Result<(String, Vec<u8>)> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("cannot read standard input")?;
    Ok(("<stdin>".into(), bytes))
}

/// Writes to a temporary file beside the target and renames it, so a failed run leaves no
/// partial output.
fn write_output(path: Option<&std::path::Path>, bytes: &[u8]) -> Result<()> {
    let Some(path) = path else {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(bytes)
            .and_then(|()| out.flush())
            .context("cannot write standard output");
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.isnad-tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        anyhow::Error::new(e).context(format!("cannot write {}", path.display()))
    })
}
