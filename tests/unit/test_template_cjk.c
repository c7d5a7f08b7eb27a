/* test_template_cjk.c -- emphasis next to CJK text (generator/template/cjk.c):
 * the Chinese forms become strong or emphasis, and every example of the
 * CommonMark spec (shared/testdata/commonmark/spec.txt beside the
 * repository) parses to the same HTML with the pass as without it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <cmark.h>

#include "base/buf.h"
#include "base/mem.h"
#include "template/cjk.h"

static char *
html(const char *md, int with_pass)
{
	rg_arena *a = rg_arena_new();
	rg_cjk_map *map = NULL;
	size_t n = strlen(md);
	const char *text = with_pass ? rg_cjk_prepare(a, md, n, &n, &map) : md;
	cmark_node *root = cmark_parse_document(text, n, CMARK_OPT_DEFAULT);
	if (map != NULL)
		rg_cjk_strip(root);
	char *out = cmark_render_html(root, CMARK_OPT_DEFAULT);
	cmark_node_free(root);
	rg_arena_free(a);
	return out;
}

static void
expect(const char *md, const char *want)
{
	char *got = html(md, 1);
	if (strcmp(got, want) != 0)
		fail_msg("%s\n  gave %s  expected %s", md, got, want);
	free(got);
}

static void
chinese_emphasis(void **state)
{
	(void)state;
	expect("**经济运行稳中向好。**实现地区生产总值542亿元\n",
	    "<p><strong>经济运行稳中向好。</strong>实现地区生产总值542亿元</p>\n");
	expect("全年**（一）**推进\n", "<p>全年<strong>（一）</strong>推进</p>\n");
	expect("**一是稳增长。**全年增长5%，**二是促改革。**改革见效。\n",
	    "<p><strong>一是稳增长。</strong>全年增长5%，<strong>二是促改革。</strong>改革见效。</p>\n");
	expect("推进*“三大改造”*项目\n", "<p>推进<em>“三大改造”</em>项目</p>\n");
	expect("- **“加”**进\n", "<ul>\n<li><strong>“加”</strong>进</li>\n</ul>\n");
	expect("# **标题。**好\n", "<h1><strong>标题。</strong>好</h1>\n");
	expect("**一是稳增长。**全年增长，**二是“促改革”。**改革见效，**（三）**推进。\n",
	    "<p><strong>一是稳增长。</strong>全年增长，<strong>二是“促改革”。</strong>"
	    "改革见效，<strong>（三）</strong>推进。</p>\n");
	expect("代码`**不是。**强调`和[链接](http://e/**（x）**y)\n",
	    "<p>代码<code>**不是。**强调</code>和<a href=\"http://e/**%EF%BC%88x%EF%BC%89**y\">链接</a></p>\n");
	/* a code span before the closer */
	expect("我可以强调**这个`code`**吗\n",
	    "<p>我可以强调<strong>这个<code>code</code></strong>吗</p>\n");
	/* escaped stars stay stars; spaces still forbid flanking */
	expect("\\*\\*不是。\\*\\*强调\n", "<p>**不是。**强调</p>\n");
	expect("** 不是。**强调\n", "<p>** 不是。**强调</p>\n");
}

static void
not_chinese_unchanged(void **state)
{
	(void)state;
	rg_arena *a = rg_arena_new();
	rg_cjk_map *map;
	size_t n;
	const char *md = "**foo.**bar *(a)*b 中文 **x** \\*（\n";
	assert_ptr_equal(rg_cjk_prepare(a, md, strlen(md), &n, &map), md);
	assert_null(map);
	rg_arena_free(a);
	expect("**foo.**bar\n", "<p>**foo.**bar</p>\n");
	expect("*(a)*b\n", "<p>*(a)*b</p>\n");
}

/* Every example of the spec: the same HTML with and without the pass. */
static void
spec_examples_unchanged(void **state)
{
	(void)state;
	const char *path = RG_DATADIR "/../shared/testdata/commonmark/spec.txt";
	FILE *f = fopen(path, "r");
	if (f == NULL)
		fail_msg("the CommonMark spec is missing: %s", path);
	char line[4096];
	rg_buf md = { 0 };
	int in = 0, n = 0, differ = 0;
	const char *fence = "````````````````````````````````";
	while (fgets(line, sizeof line, f) != NULL) {
		if (!in && strncmp(line, fence, 32) == 0 && strstr(line, " example") != NULL) {
			in = 1;
			rg_buf_clear(&md);
			continue;
		}
		if (in == 1 && strcmp(line, ".\n") == 0) {
			in = 2;
			const char *s = rg_buf_cstr(&md);
			char *a = html(s, 0), *b = html(s, 1);
			n++;
			if (strcmp(a, b) != 0) {
				differ++;
				print_error("example %d changes:\n%s---\n%s---\n%s", n, s, a, b);
			}
			free(a);
			free(b);
			continue;
		}
		if (in == 2 && strncmp(line, fence, 32) == 0) {
			in = 0;
			continue;
		}
		if (in == 1) {
			/* the spec writes tabs as → */
			for (char *p = line; *p; p++) {
				if (strncmp(p, "\xe2\x86\x92", 3) == 0) {
					rg_buf_putc(&md, '\t');
					p += 2;
				} else {
					rg_buf_putc(&md, *p);
				}
			}
		}
	}
	fclose(f);
	rg_buf_free(&md);
	assert_true(n > 600);
	assert_int_equal(differ, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(chinese_emphasis),
		cmocka_unit_test(not_chinese_unchanged),
		cmocka_unit_test(spec_examples_unchanged),
	};
	return cmocka_run_group_tests_name("template_cjk", tests, NULL, NULL);
}
