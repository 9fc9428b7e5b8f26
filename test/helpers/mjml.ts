/**
 * A hand-written email for tests: body lines (indented 8 spaces) start on line 5, or on
 * line 7 + head.length when there is a head (head lines are indented 4 spaces, from line 3).
 */
export function mj(body: string[], head: string[] = []): string {
  const h = head.length ? ["  <mj-head>", ...head.map((l) => "    " + l), "  </mj-head>"] : [];
  return ["<mjml>", ...h, "  <mj-body>", "    <mj-section>", "      <mj-column>", ...body.map((l) => "        " + l), "      </mj-column>", "    </mj-section>", "  </mj-body>", "</mjml>", ""].join("\n");
}
