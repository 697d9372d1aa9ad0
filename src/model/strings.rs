//! Every text inside a value of the plan, found through its `Serialize` implementation. The
//! glossary (which abbreviations the plan uses) and the report of characters no font shows
//! read all of a plan's words this way, without first building a JSON tree of the plan.

use std::fmt;

use serde::Serialize;
use serde::ser;

/// Calls `f` with every string in `value`, in the order serde visits them: the values of
/// fields, list items and map entries (not field names or map keys), characters, and the
/// names of unit enum variants (as a JSON value of it would hold them).
pub fn each_string<T: Serialize + ?Sized>(value: &T, f: &mut dyn FnMut(&str)) {
    each_string_but(value, &[], f);
}

/// [`each_string`], leaving out the fields of `value` (a struct) named in `skip`.
pub fn each_string_but<T: Serialize + ?Sized>(value: &T, skip: &[&str], f: &mut dyn FnMut(&str)) {
    // Collecting cannot fail: the only error is one a value's own `Serialize` reports.
    let _ = value.serialize(&mut Collect { f, skip, depth: 0 });
}

/// A value whose strings can be read, as a trait object (for values of many types in turn).
pub trait Strings {
    /// [`each_string`] of this value.
    fn strings(&self, f: &mut dyn FnMut(&str));
}

impl<T: Serialize> Strings for T {
    fn strings(&self, f: &mut dyn FnMut(&str)) {
        each_string(self, f);
    }
}

/// The serializer that hands strings on and drops everything else.
struct Collect<'a> {
    f: &'a mut dyn FnMut(&str),
    /// Fields of the outermost struct not to read.
    skip: &'a [&'a str],
    /// How many structs deep the value being read is.
    depth: u32,
}

/// An error a value's own `Serialize` implementation may report (none of the plan's does).
#[derive(Debug)]
struct Failed(String);

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Failed {}

impl ser::Error for Failed {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Failed(msg.to_string())
    }
}

type Done = Result<(), Failed>;

impl<'a, 'b> ser::Serializer for &'b mut Collect<'a> {
    type Ok = ();
    type Error = Failed;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, _: bool) -> Done {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Done {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Done {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Done {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Done {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Done {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Done {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Done {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Done {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Done {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Done {
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        (self.f)(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        (self.f)(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Done {
        Ok(())
    }
    fn serialize_none(self) -> Done {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Done {
        (self.f)(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Done {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Failed> {
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Failed> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Failed> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Failed> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Failed> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Failed> {
        self.depth += 1;
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Failed> {
        Ok(self)
    }
}

/// Lists, tuples and their variants: each element is read in turn.
macro_rules! read_elements {
    ($($kind:ident::$method:ident),*) => {$(
        impl ser::$kind for &mut Collect<'_> {
            type Ok = ();
            type Error = Failed;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                value.serialize(&mut **self)
            }
            fn end(self) -> Done {
                Ok(())
            }
        }
    )*};
}

read_elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for &mut Collect<'_> {
    type Ok = ();
    type Error = Failed;
    /// Keys name entries; they are not the plan's text.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, _: &T) -> Done {
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Collect<'_> {
    type Ok = ();
    type Error = Failed;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        if self.depth == 1 && self.skip.contains(&key) {
            return Ok(());
        }
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.depth -= 1;
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Collect<'_> {
    type Ok = ();
    type Error = Failed;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The strings of a value as a JSON value of it holds them, in its order.
    fn json_strings(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| json_strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| json_strings(x, out)),
            _ => {}
        }
    }

    #[test]
    fn a_plan_gives_the_strings_a_json_value_of_it_holds() {
        let plan = crate::store::templates::find("sofia-open-cities")
            .unwrap()
            .plan()
            .unwrap();
        let mut ours = Vec::new();
        each_string(&plan, &mut |s| ours.push(s.to_owned()));
        let mut theirs = Vec::new();
        json_strings(&serde_json::to_value(&plan).unwrap(), &mut theirs);
        // serde_json's objects keep their keys sorted (not in field order): compare as sets
        // with counts.
        ours.sort();
        theirs.sort();
        assert!(ours.len() > 1000, "{}", ours.len());
        assert_eq!(ours, theirs);
    }

    #[test]
    fn fields_of_the_plan_can_be_left_out() {
        let mut plan = crate::store::templates::find("sofia-open-cities")
            .unwrap()
            .plan()
            .unwrap();
        plan.glossary.push(crate::model::plan::GlossaryEntry {
            abbreviation: "ГЛ".into(),
            bg: "речник".into(),
            en: "a meaning found only in the glossary".into(),
        });
        let mut all = Vec::new();
        each_string(&plan, &mut |s| all.push(s.to_owned()));
        let mut some = Vec::new();
        each_string_but(&plan, &["glossary", "comments"], &mut |s| {
            some.push(s.to_owned())
        });
        let marker = "a meaning found only in the glossary".to_owned();
        assert!(all.contains(&marker));
        assert!(!some.contains(&marker));
        // Only those fields: the rest is all there.
        assert!(some.contains(&plan.facts.title));
        assert!(some.contains(&plan.actions[0].title));
    }

    #[test]
    fn options_enums_and_characters_are_read_through() {
        #[derive(Serialize)]
        enum Kind {
            Plain,
            Named(String),
            Pair(String, u32),
            Fields { note: Option<String> },
        }
        #[derive(Serialize)]
        struct Item {
            id: u32,
            mark: char,
            kinds: Vec<Kind>,
            map: std::collections::BTreeMap<String, String>,
        }
        let item = Item {
            id: 7,
            mark: 'ж',
            kinds: vec![
                Kind::Plain,
                Kind::Named("име".into()),
                Kind::Pair("двойка".into(), 2),
                Kind::Fields {
                    note: Some("бележка".into()),
                },
                Kind::Fields { note: None },
            ],
            map: [("key".to_owned(), "стойност".to_owned())].into(),
        };
        let mut got = Vec::new();
        each_string(&item, &mut |s| got.push(s.to_owned()));
        assert_eq!(got, ["ж", "Plain", "име", "двойка", "бележка", "стойност"]);
        let mut got = Vec::new();
        each_string_but(&item, &["kinds"], &mut |s| got.push(s.to_owned()));
        assert_eq!(got, ["ж", "стойност"]);
    }
}
