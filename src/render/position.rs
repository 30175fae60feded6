//! Line and column of a byte offset, as lint counts them: from 1; the column counts
//! characters; `\n`, `\r\n` and a lone `\r` end a line.

/// The line starts of one text.
pub struct Positions<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Positions<'t> {
    /// Finds where the lines of `text` start.
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        Positions { text, starts }
    }

    /// The line and column of byte offset `at`.
    pub fn at(&self, at: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= at);
        let from = self.starts[line - 1];
        let column = self.text.get(from..at).map_or(0, |s| s.chars().count()) + 1;
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::Positions;

    #[test]
    fn lines_end_at_every_kind_of_break_and_columns_count_characters() {
        let text = "قال\nأكد\r\nنفى\rذكر";
        let p = Positions::new(text);
        assert_eq!(p.at(0), (1, 1));
        assert_eq!(p.at(text.find("أكد").unwrap()), (2, 1));
        assert_eq!(p.at(text.find("نفى").unwrap()), (3, 1));
        assert_eq!(p.at(text.find("ذكر").unwrap()), (4, 1));
        assert_eq!(p.at(text.find("ال").unwrap()), (1, 2));
    }
}
