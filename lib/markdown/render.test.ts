import { describe, expect, it } from "vitest";
import { markdownExcerpt, renderMarkdown } from "./render";

describe("renderMarkdown", () => {
  it("renders ordinary markdown", () => {
    const html = renderMarkdown("# Title\n\nSome **bold** text and a [link](https://example.com).\n\n- one\n- two");
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow ugc">link</a>');
    expect(html).toContain("<li>one</li>");
  });

  it("drops script and style elements with their content", () => {
    const html = renderMarkdown("Hello <script>alert(1)</script><style>body{display:none}</style> world");
    expect(html).not.toMatch(/<script|alert\(1\)|<style|display:none/);
    expect(html).toContain("Hello");
  });

  it("neutralises javascript:, data: and vbscript: links", () => {
    for (const md of ["[x](javascript:alert(1))", '<a href="javascript:alert(1)">x</a>', "[x](JaVaScRiPt:alert(1))", '<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a href="vbscript:msgbox(1)">x</a>']) {
      const html = renderMarkdown(md);
      expect(html, md).not.toMatch(/javascript:|data:|vbscript:/i);
    }
  });

  it("strips event-handler attributes and dangerous tags", () => {
    const html = renderMarkdown('<img src="https://x.test/a.png" onerror="alert(1)"><p onclick="x()">hi</p><iframe src="https://evil.test"></iframe><svg onload="alert(1)"></svg><form action="/x"><input type="text"></form>');
    expect(html).not.toMatch(/onerror|onclick|onload|<iframe|<svg|<form|type="text"/i);
    expect(html).toContain('<img src="https://x.test/a.png" loading="lazy" />');
    expect(html).toContain("<p>hi</p>");
  });

  it("refuses images from javascript: or data: URLs and author-set rel or style", () => {
    const html = renderMarkdown('![a](javascript:alert(1)) <img src="data:image/png;base64,AAAA"> <a href="https://a.test" rel="opener" style="color:red">x</a>');
    expect(html).not.toMatch(/javascript:|data:|style=|rel="opener"/);
  });

  it("keeps code blocks as text", () => {
    const html = renderMarkdown("```js\nconst a = '<script>';\n```");
    expect(html).toContain('<code class="language-js">');
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("markdownExcerpt", () => {
  it("gives plain text without markup", () => {
    expect(markdownExcerpt("# Big news\n\nWe **shipped** [dark mode](https://x.test) <script>alert(1)</script>!")).toBe("Big news We shipped dark mode !");
  });

  it("cuts long text on a word boundary with an ellipsis, within the limit", () => {
    const text = markdownExcerpt("word ".repeat(200), 280);
    expect(text.length).toBeLessThanOrEqual(280);
    expect(text.endsWith("word…")).toBe(true);
  });
});
