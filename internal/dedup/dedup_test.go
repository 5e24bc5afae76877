package dedup

import (
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/arabic"
)

// keys returns the match keys of the words of text.
func keys(text string) []string {
	var out []string
	for _, t := range arabic.Tokenize(nil, text) {
		if t.Kind == arabic.Word || t.Kind == arabic.Number {
			out = append(out, arabic.Key(text[t.Start:t.End]))
		}
	}
	return out
}

const story = `التقى وزير الخارجية المصري نظيره الأردني في العاصمة عمان اليوم وبحث الجانبان سبل تعزيز التعاون الثنائي والتنسيق المشترك إزاء التطورات الإقليمية وأكد الوزير أن بلاده مستعدة لمواصلة التنسيق مع الأردن لدعم جهود التهدئة فيما أشاد الوزير الأردني بالدور المصري في إيصال المساعدات الإنسانية إلى قطاع غزة ودعا الوزيران المجتمع الدولي إلى تحمل مسؤولياته وأدانا استهداف المدنيين في القطاع`

func TestSimHash(t *testing.T) {
	base := SimHash(keys(story))
	if base == 0 {
		t.Fatal("fingerprint of a full story is 0")
	}
	// A wire copy: an agency line added, hamza and ta marbuta spelt
	// differently, harakat added: within MaxDistance.
	copy1 := "عمان (رويترز) - " + strings.NewReplacer("إزاء", "ازاء", "الإقليمية", "الاقليميه", "الدولي", "الدَّوْلي").Replace(story)
	if d := Distance(base, SimHash(keys(copy1))); d > MaxDistance {
		t.Errorf("wire copy at distance %d, want <= %d", d, MaxDistance)
	}
	other := `أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة جدة بسعة خمسمئة سرير ويضم المستشفى أقساما للطوارئ والعناية المركزة وجراحة القلب والأطفال وقال المتحدث باسم الوزارة إن المشروع يأتي ضمن خطة لتوسيع الخدمات الصحية في المنطقة الغربية وتقليل فترات الانتظار للمرضى`
	if d := Distance(base, SimHash(keys(other))); d <= MaxDistance {
		t.Errorf("unrelated story at distance %d", d)
	}
	if SimHash(keys("خبر قصير جدا")) != 0 {
		t.Error("a short text got a fingerprint")
	}
}

func TestIndex(t *testing.T) {
	ix := NewIndex()
	a := SimHash(keys(story))
	ix.Add(a, "first")
	ix.Add(a^0b101, "second") // distance 2, added later
	if g := ix.Find(a ^ 0b1); g != "first" {
		t.Errorf("Find near = %q, want first (nearest)", g)
	}
	if g := ix.Find(a ^ 0xF0F0); g != "" {
		t.Errorf("Find far = %q, want none", g)
	}
	if g := ix.Find(0); g != "" {
		t.Errorf("Find(0) = %q", g)
	}
	ix.Add(0, "ignored")
	if ix.Len() != 2 {
		t.Errorf("Len = %d", ix.Len())
	}
}

func BenchmarkSimHash(b *testing.B) {
	k := keys(strings.Repeat(story+" ", 10))
	b.ReportAllocs()
	for b.Loop() {
		SimHash(k)
	}
}
