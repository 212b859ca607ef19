// Starts `segmint lsp` for .seg files. The server does the work; this file only launches it
// and passes the settings (segmint.catalog, segmint.asOf) as initializationOptions.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function settings() {
  const c = vscode.workspace.getConfiguration("segmint");
  return { catalog: c.get("catalog") || undefined, asOf: c.get("asOf") || undefined };
}

function activate(context) {
  const command = vscode.workspace.getConfiguration("segmint").get("path") || "segmint";
  const server = { command, args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient("segmint", "Segmint", { run: server, debug: server }, {
    documentSelector: [{ scheme: "file", language: "segment" }],
    initializationOptions: settings(),
    synchronize: {
      configurationSection: "segmint",
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{seg,yaml,yml}"),
    },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
