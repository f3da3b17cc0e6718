"""A status stated in a sentence's words, not after a key: "Status was 403." (explain32).

The real text: the sage_one gem (customersure/sage_one, spec/faraday/response/rescue_parsing_errors_spec.rb) raises
"SageOne sent HTML instead of JSON. Status was 403." when Sage One answers with a web page; before, the 403 was not
read and the explanation had no status."""

from __future__ import annotations

from errcat.explainer import explain

SAGE_ONE_GEM = "SageOne sent HTML instead of JSON. Status was 403."


def test_a_status_said_in_a_sentence_is_the_exchanges(catalog):
    x = explain(catalog, SAGE_ONE_GEM)
    assert x.exchange.status == 403
    assert x.vendor == "sage"  # its own name, as before
    assert explain(catalog, "the HTTP status is 404 for that call").exchange.status == 404
    assert explain(catalog, "Status is 200 now").exchange.status is None  # a success said so is no error's status


# Sage/sageone_br_nfe_documentacao_api#14 (comment, 2016-05-25): api.sageone.com answered a wrong path with Rails'
# default 404 page, whose title ends with the status; before, no status was read
RAILS_404_PAGE = (
    "Também estou com esse problema\n"
    "\n"
    "Quando faço uma requisição para o ```https://api.sageone.com/notafiscal/api/v1/issuer.sdata``` ao invés de retornar os dados da empresa que cadastrei, o retorno é:\n"
    "\n"
    "``` html\n"
    "<!DOCTYPE html>\n"
    "<html>\n"
    "    <head>\n"
    "        <title>The page you were looking for doesn't exist (404)</title>\n"
    '        <style type="text/css">\n'
    "    body { background-color: #fff; color: #666; text-align: center; font-family: arial, sans-serif; }\n"
    "    div.dialog {\n"
    "      width: 25em;\n"
    "      padding: 0 4em;\n"
    "      margin: 4em auto 0 auto;\n"
    "      border: 1px solid #ccc;\n"
    "      border-right-color: #999;\n"
    "      border-bottom-color: #999;\n"
    "    }\n"
    "    h1 { font-size: 100%; color: #f00; line-height: 1.5em; }\n"
    "  </style>\n"
    "    </head>\n"
    "    <body>\n"
    "        <!-- This file lives in public/404.html -->\n"
    '        <div class="dialog">\n'
    "            <h1>The page you were looking for doesn't exist.</h1>\n"
    "            <p>You may have mistyped the address or the page may have moved.</p>\n"
    "        </div>\n"
    "    </body>\n"
    "</html>\n"
    "```\n"
    "\n"
    "Qual o endereço correto da API BR?"
)


def test_a_status_ending_a_pages_title_is_the_exchanges(catalog):
    x = explain(catalog, RAILS_404_PAGE)
    assert x.exchange.status == 404
    assert x.vendor == "sage"  # its host, as before
    page = "<html><head><title>We're sorry, but something went wrong (500)</title></head></html>"
    assert explain(catalog, page).exchange.status == 500
