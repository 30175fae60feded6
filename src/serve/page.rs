//! The desk: one self-contained page (the report's style, inline script, nothing loaded from
//! elsewhere), right to left. Its words are in one table here, as the report's are in its
//! labels; the template holds none.

use askama::Template;

use super::draft::DEFAULT_NAME;

/// The words the desk shows.
struct Words {
    title: &'static str,
    tagline: &'static str,
    skip: &'static str,
    editor: &'static str,
    draft: &'static str,
    hint: &'static str,
    name: &'static str,
    file: &'static str,
    submit: &'static str,
    download: &'static str,
    working: &'static str,
    done: &'static str,
    empty: &'static str,
    failed: &'static str,
    lint: &'static str,
    no_findings: &'static str,
    result: &'static str,
    waiting: &'static str,
}

const AR: Words = Words {
    title: "مكتب المحرر",
    tagline: "isnad · من قال ماذا، وعلى أي مصدر يقوم كل خبر",
    skip: "إلى النتيجة",
    editor: "المسودة",
    draft: "المسودة",
    hint: "الصق المسودة أو اكتبها هنا، أو أسقط عليها ملفا نصيا أو صفحة ويب؛ تتجدد النتيجة بعد توقفك عن الكتابة بقليل (Ctrl+Enter للتحديث الآن).",
    name: "اسم المسودة",
    file: "أو اختر ملفا",
    submit: "افحص",
    download: "نزّل التقرير",
    working: "جار الفحص…",
    done: "النتيجة محدثة.",
    empty: "لا نص بعد.",
    failed: "تعذر الفحص:",
    lint: "ملاحظات التدقيق",
    no_findings: "لا ملاحظات.",
    result: "النتيجة",
    waiting: "ستظهر هنا النتيجة: المقال موسوما، والادعاءات بأصواتها، وملاحظات المحرر، وجدول المصادر.",
};

#[derive(Template)]
#[template(path = "desk.html")]
struct Desk {
    w: &'static Words,
    default_name: &'static str,
}

/// The desk's HTML.
pub fn desk() -> String {
    Desk {
        w: &AR,
        default_name: DEFAULT_NAME,
    }
    .render()
    .expect("the desk template renders")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_self_contained_and_right_to_left() {
        let page = desk();
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"));
        for outside in ["http:", "https:", "src=", "<link", "@import", "url("] {
            assert!(!page.contains(outside), "{outside} in the desk");
        }
        assert_eq!(page.matches("<script>").count(), 1);
        assert_eq!(page.matches("<style>").count(), 1);
        // The form works without script, on the same route the script uses.
        assert!(page.contains(r#"<form method="post" action="/api/report""#));
        assert!(page.contains(r#"name="text""#));
    }
}
