package arabic_test

import (
	"fmt"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
)

func ExampleKey() {
	fmt.Println(arabic.Key("إلى الأُمَمِ المتّحدة"))
	fmt.Println(arabic.Key("مسؤول ﻷن ١٫٥ OPEC"))
	// Output:
	// الي الامم المتحده
	// مسءول لان 1.5 opec
}

func ExampleAppendAnalyses() {
	word := "وبالتعاون"
	for _, a := range arabic.AppendAnalyses(nil, word) {
		fmt.Println(a.Format(word), a.Conj(), a.Prep(), a.HasArticle(), a.StemKey(word))
	}
	// Output:
	// وبالتعاون   false وبالتعاون
	// و+بالتعاون و  false بالتعاون
	// و+ب+التعاون و ب false التعاون
	// و+ب+ال+تعاون و ب true تعاون
}

func ExampleSplitSentences() {
	text := "بكين تستضيف القمة\nمن جانبه.. قال د. وانغ إن «الحوار مهم. والتعاون أهم». وأضاف؟"
	for _, sp := range arabic.SplitSentences(text) {
		fmt.Println(text[sp.Start:sp.End])
	}
	// Output:
	// بكين تستضيف القمة
	// من جانبه.. قال د. وانغ إن «الحوار مهم. والتعاون أهم».
	// وأضاف؟
}

func ExampleSentenceScanner() {
	sc := arabic.NewSentenceScanner(strings.NewReader("أعلنت الوزارة. ثم أكدت ذلك.\nعنوان"))
	for sc.Scan() {
		fmt.Println(sc.Offset(), sc.Text())
	}
	// Output:
	// 0 أعلنت الوزارة.
	// 27 ثم أكدت ذلك.
	// 49 عنوان
}

func ExampleSanitize() {
	clean, bad := arabic.Sanitize("نص\xff\x00")
	fmt.Printf("%q %v\n", clean, bad)
	// Output:
	// "نص\x1a\x1a" [4 5]
}
