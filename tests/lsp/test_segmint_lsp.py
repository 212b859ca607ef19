"""pytest-lsp drives `segmint lsp` over stdio as an editor would, and checks each answer
against the protocol (pytest-lsp validates responses against the client's capabilities)."""
import asyncio
import os
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

HERE = pathlib.Path(__file__).resolve().parent
WORKSPACE = HERE / "workspace"
SEGMINT = os.environ.get("SEGMINT_BIN", str(HERE.parent.parent / ".build" / "debug" / "segmint"))


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[SEGMINT, "lsp", "--stdio"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                text_document=types.TextDocumentClientCapabilities(
                    completion=types.CompletionClientCapabilities(
                        completion_item=types.ClientCompletionItemOptions(snippet_support=True)
                    ),
                    hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
                    rename=types.RenameClientCapabilities(prepare_support=True),
                )
            ),
            workspace_folders=[types.WorkspaceFolder(uri=WORKSPACE.as_uri(), name="workspace")],
        )
    )
    yield
    await lsp_client.shutdown_session()


def uri(name: str) -> str:
    return (WORKSPACE / name).as_uri()


def open_doc(client: LanguageClient, name: str, text: str) -> str:
    u = uri(name)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=u, language_id="segment", version=1, text=text)
        )
    )
    return u


async def diagnostics(client: LanguageClient, u: str, version: int = 1):
    """Waits for the diagnostics of `u` published for `version`."""
    async def wait():
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == u and params.version == version:
                return params.diagnostics
    return await asyncio.wait_for(wait(), timeout=30)


async def test_diagnostics_with_codes_help_and_quick_fix(client: LanguageClient):
    u = open_doc(client, "a.seg", 'segment a {\n  include {\n    plann = "pro"\n  }\n}\n')
    diags = await diagnostics(client, u)
    assert [d.code for d in diags] == ["E0201"]
    assert diags[0].message == 'unknown facet "plann"\nhelp: did you mean "plan"?'
    assert diags[0].range.start == types.Position(line=2, character=4)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=u),
            range=diags[0].range,
            context=types.CodeActionContext(diagnostics=diags),
        )
    )
    assert [a.title for a in actions] == ["Change to plan"]
    edit = actions[0].edit.changes[u][0]
    assert edit.new_text == "plan"


async def test_diagnostics_follow_changes(client: LanguageClient):
    u = open_doc(client, "b.seg", "segment b { include { seats > 1 } }\n")
    assert list(await diagnostics(client, u)) == []
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=u, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line=0, character=30), end=types.Position(line=0, character=31)),
                    text="2.5",
                )
            ],
        )
    )
    assert [d.code for d in await diagnostics(client, u, version=2)] == ["E0303"]


async def test_completion_of_ordered_values_in_order(client: LanguageClient):
    u = open_doc(client, "c.seg", "segment c { include { plan >=  } }\n")
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=u), position=types.Position(line=0, character=30))
    )
    items = sorted(result.items, key=lambda i: i.sort_text)
    assert [i.label for i in items] == ['"free"', '"pro"', '"enterprise"']


async def test_completion_of_segment_names_from_other_files(client: LanguageClient):
    u = open_doc(client, "d.seg", "segment d { include { in segment  } }\n")
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=u), position=types.Position(line=0, character=33))
    )
    assert [i.label for i in result.items] == ["big_accounts", "d"]


async def test_hover_explains_a_segment_and_a_facet(client: LanguageClient):
    u = open_doc(client, "e.seg", "segment e { include { in segment big_accounts  plan = \"pro\" } }\n")
    seg = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=u), position=types.Position(line=0, character=36))
    )
    assert "Includes every account for whom all of these hold" in seg.contents.value
    facet = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=u), position=types.Position(line=0, character=48))
    )
    assert "ordered values: `free` < `pro` < `enterprise`" in facet.contents.value


async def test_definition_references_and_rename_across_files(client: LanguageClient):
    u = open_doc(client, "f.seg", "segment f { include { in segment big_accounts } }\n")
    pos = types.Position(line=0, character=36)
    doc = types.TextDocumentIdentifier(uri=u)
    defs = await client.text_document_definition_async(types.DefinitionParams(text_document=doc, position=pos))
    assert [(d.uri, d.range.start.line) for d in defs] == [(uri("shared.seg"), 1)]
    refs = await client.text_document_references_async(
        types.ReferenceParams(text_document=doc, position=pos, context=types.ReferenceContext(include_declaration=True))
    )
    assert sorted(r.uri for r in refs) == sorted([u, uri("shared.seg")])
    edit = await client.text_document_rename_async(types.RenameParams(text_document=doc, position=pos, new_name="large_accounts"))
    assert set(edit.changes) == {u, uri("shared.seg")}
    facet = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc, position=types.Position(line=0, character=14))
    )
    assert facet == [] or facet is None


async def test_formatting_symbols_and_semantic_tokens(client: LanguageClient):
    u = open_doc(client, "g.seg", 'segment g "G" {include{seats>1}}\n')
    doc = types.TextDocumentIdentifier(uri=u)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=doc, options=types.FormattingOptions(tab_size=2, insert_spaces=True))
    )
    assert len(edits) == 1 and "  include {\n    seats > 1\n  }\n" in edits[0].new_text
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc))
    assert [(s.name, s.detail) for s in symbols] == [("g", "G")]
    tokens = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=doc))
    assert list(tokens.data[:5]) == [0, 0, 7, 0, 0]


async def test_unknown_method_is_method_not_found(client: LanguageClient):
    with pytest.raises(Exception) as err:
        await client.protocol.send_request_async("segmint/noSuchMethod", {})
    assert "-32601" in str(err.value) or "unknown method" in str(err.value)
