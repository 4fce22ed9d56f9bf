//! IRIs of the vocabularies the service reads and writes, as constants.
//!
//! No other module spells out a vocabulary IRI: they take it from here, so that a renamed term
//! changes in one place.

/// The project's own ontology (`ontology/bilateral.ttl`).
pub const BIL: &str = "https://w3id.org/bilateral/ontology#";
/// RDF.
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// RDF Schema.
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// XML Schema datatypes.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// OWL.
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
/// PROV-O.
pub const PROV: &str = "http://www.w3.org/ns/prov#";
/// schema.org.
pub const SCHEMA: &str = "https://schema.org/";
/// Simple Event Model.
pub const SEM: &str = "http://semanticweb.cs.vu.nl/2009/11/sem/";
/// GAF (Grounded Annotation Framework), whose `gaf:denotedBy` links an instance to its mentions.
pub const GAF: &str = "http://groundedannotationframework.org/gaf#";
/// NIF 2.0 core.
pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
/// SKOS.
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// Dublin Core terms.
pub const DCT: &str = "http://purl.org/dc/terms/";
/// SPARQL 1.1 Service Description.
pub const SD: &str = "http://www.w3.org/ns/sparql-service-description#";
/// `VoID`, for dataset statistics in the service description.
pub const VOID: &str = "http://rdfs.org/ns/void#";
/// W3C formats registry, for the result formats the service description lists.
pub const FORMATS: &str = "http://www.w3.org/ns/formats/";
/// SHACL.
pub const SH: &str = "http://www.w3.org/ns/shacl#";

/// `rdf:type`.
pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// Joins a namespace and a local name into an IRI string.
pub fn iri(namespace: &str, local: &str) -> String {
    let mut s = String::with_capacity(namespace.len() + local.len());
    s.push_str(namespace);
    s.push_str(local);
    s
}

/// The prefixes used when serialising for people to read.
pub const PREFIXES: &[(&str, &str)] = &[
    ("bil", BIL),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("xsd", XSD),
    ("prov", PROV),
    ("schema", SCHEMA),
    ("sem", SEM),
    ("gaf", GAF),
    ("nif", NIF),
    ("skos", SKOS),
    ("dct", DCT),
    ("void", VOID),
];
