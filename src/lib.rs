//! `bilateral`: a knowledge-graph service for the relations between countries.
//!
//! News articles become RDF — countries, officials and their roles, typed and CAMEO-coded
//! events, claims attributed to their sources — with the provenance of every statement, stored
//! in Oxigraph and served over SPARQL 1.1. See `ARCHITECTURE.md` for the map of the modules;
//! they are listed here in reading order.

pub mod vocab;
pub mod article;
pub mod extract;
pub mod guard;
#[cfg(feature = "server")]
pub mod model;
#[cfg(feature = "server")]
pub mod store;
#[cfg(feature = "server")]
pub mod seed;
#[cfg(feature = "server")]
pub mod link;
#[cfg(feature = "server")]
pub mod summary;
#[cfg(feature = "server")]
pub mod ingest;
#[cfg(feature = "server")]
pub mod shacl;
#[cfg(feature = "server")]
pub mod http;
#[cfg(feature = "server")]
pub mod cli;
#[cfg(feature = "server")]
pub mod memory;

/// The process's allocator counts each query's memory against its budget (see [`memory`]).
#[cfg(feature = "server")]
#[global_allocator]
static ALLOCATOR: memory::Counting = memory::Counting;

/// The base of the IRIs the service mints when no `--base-iri` is given: one stable, permanent
/// form whatever host or port a server runs on, so that IRIs minted by one instance are the
/// IRIs of the same things on another. Every server resolves `/id/...` for its base on whatever
/// address it is reached (see ARCHITECTURE.md, "IRIs").
pub const DEFAULT_BASE_IRI: &str = "https://w3id.org/bilateral/";

/// The version written into provenance records and `--version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Finds one of the project's resource directories (`ontology`, `seed-data`, `queries`):
/// `./NAME` when the working directory has it, else the one beside the crate's sources.
pub fn resource_dir(name: &str) -> std::path::PathBuf {
    let local = std::path::Path::new(name);
    if local.is_dir() {
        return local.to_owned();
    }
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}
