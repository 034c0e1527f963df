import { AUTHORIZATION_TABLE, expectedStatus, PRINCIPALS, type EndpointRule, type PrincipalId } from '../authz/authorization-table';

function cell(rule: EndpointRule, who: PrincipalId): string {
  const status = String(expectedStatus(rule, who));
  const sees = rule.sees?.[who];
  if (!sees) return status;
  return `${status}: ${sees.length > 0 ? sees.join(', ') : 'nothing'}`;
}

/** A Markdown table with its columns padded, as Prettier writes it. */
function alignedTable([header, ...rows]: string[][]): string {
  const widths = header.map((_, c) => Math.max(3, ...[header, ...rows].map((r) => r[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Each refused credential's label and code, e.g. "expired token \`AUTH_EXPIRED\`". */
function refusalCodes(): string {
  return PRINCIPALS.flatMap((p) => ('code' in p.credential ? [`${p.label} \`${p.credential.code}\``] : [])).join(', ');
}

/** docs/authorization.md: the authorization matrix, rendered from tools/authz/authorization-table.ts. */
export function renderAuthorizationDoc(): string {
  const domain = AUTHORIZATION_TABLE.filter((r) => !r.public);
  const open = AUTHORIZATION_TABLE.filter((r) => r.public);
  const header = ['endpoint', 'object', ...PRINCIPALS.map((p) => p.label)];
  const rows = domain.map((rule) => [
    `\`${rule.method} ${rule.path}\` (${rule.service})`,
    rule.target,
    ...PRINCIPALS.map((p) => cell(rule, p.id)),
  ]);
  const table = alignedTable([header, ...rows]);
  const paths = (rules: EndpointRule[], withService: boolean) =>
    [...new Set(rules.map((r) => `\`${r.method} ${r.path}\`${withService ? ` on ${r.service}` : ''} (${r.target})`))].join(', ');
  const publicData = paths(
    open.filter((r) => r.path.startsWith('/v1/')),
    true,
  );
  const publicPaths = paths(
    open.filter((r) => !r.path.startsWith('/v1/')),
    false,
  );
  return `# Authorization matrix

<!-- Generated from tools/authz/authorization-table.ts by \`npm run docs:authz\`; do not edit by hand. -->

Every HTTP endpoint of the four services against every kind of caller:
${domain.length + open.length} endpoints × ${PRINCIPALS.length} principals = ${(domain.length + open.length) * PRINCIPALS.length} cases. The integration suite
\`test/integration/authz-matrix.int-spec.ts\` runs each of them against the real services, and checks
that the table names every route the services' OpenAPI documents list.

- **401** for a missing, malformed, expired, unsigned or wrongly signed token, or one of another
  issuer or audience, on every endpoint but the public ones; **403** for an authentic token whose
  \`roles\` claim names none or several of the five roles. Codes: ${refusalCodes()}.
- Callers hold access tokens of the OpenID Connect issuer (\`OIDC_ISSUER_URL\`); a development
  token (HS256, \`npm run -s token\`) is answered as the same principal's access token where
  \`AUTH_JWT_SECRET\` is configured.
- **403** when the role may not call the endpoint at all (whatever the object), when the token may
  read the object but not change it, and when the request names a province or board outside the token.
- **403** with a \`…_OUT_OF_SCOPE\` code for any operation on an object outside the token's scope
  (anything outside a token's scope is refused, and never appears in lists): nominations, their
  scores and assessments (province-scoped tokens read their provinces in both rounds; national
  assessors and panel chairs the national round), and provincial boards (every role reads the
  national boards). An object that does not exist answers 404.
- Listings show only what the token may read. A cell \`200: own, national\` names what the caller
  sees among the objects of province 15 (\`own\`), of province 16 (\`other\`) and of the national
  round (\`national\`, a nominee of 15).

Public by design, whatever the token, for a press release to link to: ${publicData}.

Public on every service, whatever the token, and serving no domain data: ${publicPaths}.

${table}
`;
}
