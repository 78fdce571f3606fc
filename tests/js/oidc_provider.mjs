// A real OpenID Connect provider for the sign-in tests, on 127.0.0.1.
//
// Reads its settings as JSON from the ISCG_TEST_PROVIDER environment variable:
//   { "port": 0, "clients": [...], "accounts": { "<sub>": { claims } },
//     "claimsInIdToken": false }
// Prints one line "READY <issuer>" once it listens. Sign-in uses the provider's own
// development interaction pages: any login name is accepted and becomes the account's sub.
import http from "node:http";
import Provider from "oidc-provider";

const settings = JSON.parse(process.env.ISCG_TEST_PROVIDER || "{}");
const accounts = settings.accounts || {};

const server = http.createServer();
await new Promise((resolve) => server.listen(settings.port || 0, "127.0.0.1", resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: settings.clients,
  pkce: { required: () => true },
  conformIdTokenClaims: !settings.claimsInIdToken,
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name"],
    groups: ["groups"],
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  ttl: { AuthorizationCode: settings.codeTtl || 60 },
  cookies: { keys: ["iscg-test-provider-cookie-key"] },
  async findAccount(ctx, sub) {
    return {
      accountId: sub,
      async claims() {
        return { sub, ...(accounts[sub] || {}) };
      },
    };
  },
});
provider.proxy = false;
server.on("request", provider.callback());
console.log(`READY ${issuer}`);
