//! Reader for analysed documents: `accord/1` JSON Lines, one document a line, as `accord extract` prints
//! them and as the Spark job (`python -m accord.spark.job`) writes its `documents` layer. The knowledge base
//! loads these without analysing the articles again (`accord ingest --analysed`).

use crate::IngestError;
use accord_doc::schema::{DocumentOut, SCHEMA};
use std::io::{BufRead, BufReader};
use std::path::Path;

/// True for files a Spark or Hadoop writer leaves beside its output (`_SUCCESS`, `.part-0.crc`), which
/// are not documents.
pub fn is_hidden(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('_') || n.starts_with('.'))
}

/// Streams the documents of one file (plain or `.gz`); a line that is not an `accord/1` document is an
/// error naming the file and line, and the other lines are still read.
pub fn read_documents(path: &Path) -> Box<dyn Iterator<Item = Result<DocumentOut, IngestError>> + Send> {
    let name = path.display().to_string();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(source) => return Box::new(std::iter::once(Err(IngestError::Io { path: name, source }))),
    };
    let reader: Box<dyn BufRead + Send> = if name.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, file))
    };
    read_documents_from(reader, &name)
}

/// [`read_documents`] from a reader (already decompressed); `name` names the input in errors.
pub fn read_documents_from(
    reader: impl BufRead + Send + 'static,
    name: &str,
) -> Box<dyn Iterator<Item = Result<DocumentOut, IngestError>> + Send> {
    let name = name.to_string();
    let mut line = 0usize;
    let mut offset = 0usize;
    let mut lines = reader.split(b'\n');
    Box::new(std::iter::from_fn(move || loop {
        let bytes = match lines.next()? {
            Ok(b) => b,
            Err(source) => return Some(Err(IngestError::Io { path: name.clone(), source })),
        };
        line += 1;
        let base = offset;
        offset += bytes.len() + 1;
        let s = match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                return Some(Err(IngestError::Utf8 {
                    path: name.clone(),
                    byte: base + e.utf8_error().valid_up_to(),
                    line: Some(line),
                }))
            }
        };
        if s.trim().is_empty() {
            continue;
        }
        let json = |message: String| IngestError::Json { path: name.clone(), line, message };
        return Some(match serde_json::from_str::<DocumentOut>(s.trim()) {
            Ok(d) if d.schema == SCHEMA => Ok(d),
            Ok(d) => Err(json(format!("schema {:?} is not {SCHEMA}", d.schema))),
            Err(e) => Err(json(format!("not an {SCHEMA} document: {e}"))),
        });
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_read_and_bad_lines_named() {
        let dir = std::env::temp_dir().join(format!("accord-docs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("part-0.txt");
        let doc = r#"{"schema":"accord/1","id":"a","date":null,"sources":[],"text":"Hi.","sentences":[],"entities":[],"attributions":[],"quantities":[],"dates":[]}"#;
        std::fs::write(&p, format!("{doc}\n\nnot json\n{doc}\n")).unwrap();
        let got: Vec<_> = read_documents(&p).collect();
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].as_ref().unwrap().id, "a");
        let e = got[1].as_ref().unwrap_err().to_string();
        assert!(e.contains("part-0.txt:3:"), "{e}");
        assert!(got[2].is_ok());
        assert!(is_hidden(Path::new("x/_SUCCESS")) && is_hidden(Path::new(".part-0.crc")));
        assert!(!is_hidden(Path::new("part-0.txt")));
        std::fs::remove_dir_all(&dir).ok();
    }
}
