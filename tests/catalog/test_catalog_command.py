"""`cloudexit catalog ...`: exit codes, output, and refresh against a local server replaying price lists."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

import pytest
import yaml

from cloudexit.cli.main import run
from tests.catalog.conftest import RECORDED


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_validate_bundled_catalogue_exits_0_and_counts(capsys):
    code, out, err = cli(capsys, "catalog", "validate")
    assert code == 0, err
    assert "catalogue is valid" in out
    assert "aws:" in out and "unverified" in out


def test_validate_reports_one_line_per_problem_and_exits_2(small_catalog, capsys):
    broken = small_catalog / "providers"
    data = yaml.safe_load((broken / "aws.yaml").read_text())
    data["products"][1]["prices"][0]["regions"] = ["mars-1"]
    (broken / "aws.yaml").write_text(yaml.safe_dump(data))
    data = yaml.safe_load((broken / "azure.yaml").read_text())
    data["products"] = [p for p in data["products"] if p["service"] != "egress"]
    (broken / "azure.yaml").write_text(yaml.safe_dump(data))
    code, _, err = cli(capsys, "catalog", "validate", "--catalog", str(small_catalog))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert "aws.yaml" in lines[0] and "mars-1" in lines[0]
    assert "azure.yaml" in lines[1] and "egress" in lines[1]
    assert lines[2] == "catalogue has 2 problem(s)"
    assert "Traceback" not in err


def test_validate_lists_unverified_figures(small_catalog, capsys):
    code, out, _ = cli(
        capsys, "catalog", "validate", "--catalog", str(small_catalog), "--list-unverified"
    )
    assert code == 0
    assert "unverified: aws/rds/mysql/db.t3.large: 0.136 USD/hour in us-east-1" in out
    assert "unverified: azure/internet-egress" in out


def test_list_filters_and_prints_plain_rows_in_pipes(small_catalog, capsys):
    code, out, _ = cli(
        capsys,
        "catalog",
        "list",
        "--catalog",
        str(small_catalog),
        "--provider",
        "azure",
        "--service",
        "compute",
    )
    assert code == 0
    rows = [line.split("\t") for line in out.strip().splitlines()]
    assert rows[0][:3] == ["provider", "product", "service"]
    assert [r[1] for r in rows[1:]] == ["Standard_B2s", "Standard_D2s_v3"]
    assert rows[2][6] == "0.12 USD/hour"


def test_list_unknown_provider_exits_2(small_catalog, capsys):
    code, _, err = cli(
        capsys, "catalog", "list", "--catalog", str(small_catalog), "--provider", "nope"
    )
    assert code == 2
    assert "unknown provider 'nope'" in err


def test_show_provider_and_product(small_catalog, capsys):
    code, out, _ = cli(capsys, "catalog", "show", "aws", "--catalog", str(small_catalog))
    assert code == 0
    assert "jurisdiction exposure: none" in out and "regions (2):" in out
    code, out, _ = cli(
        capsys, "catalog", "show", "aws", "db.t3.large", "--catalog", str(small_catalog)
    )
    assert code == 0
    assert out.startswith("aws/rds/mysql/db.t3.large")
    assert "0.136 USD/hour in us-east-1 [unverified]" in out
    code, _, err = cli(
        capsys, "catalog", "show", "aws", "zz9.huge", "--catalog", str(small_catalog)
    )
    assert code == 2 and "no product 'zz9.huge'" in err


def refresh(capsys, catalog, out, provider, endpoint, *extra):
    return cli(
        capsys,
        "catalog",
        "refresh",
        "--catalog",
        str(catalog),
        "--out",
        str(out),
        "--provider",
        provider,
        "--endpoint",
        endpoint,
        *extra,
    )


def changes(out, provider):
    return yaml.safe_load((out / f"{provider}.changes.yaml").read_text())


def test_refresh_aws_reads_the_offer_files_linux_shared_only(
    small_catalog, price_lists, tmp_path, capsys
):
    before = (small_catalog / "providers" / "aws.yaml").read_text()
    code, out, err = refresh(capsys, small_catalog, tmp_path / "out", "aws", price_lists.base)
    assert code == 0, err
    result = changes(tmp_path / "out", "aws")
    assert result["counts"]["fetched"] == 3
    assert result["new_prices"] == [
        {
            "product": "m5.large",
            "region": "eu-west-1",
            "unit": "hour",
            "fetched": "0.107",
            "currency": "USD",
            "published": "2026-11-01",
        },
    ]
    assert result["published"] == "2026-11-01"
    assert [r["product"] for r in result["new_products"]] == ["t3.medium", "zz9.huge"]
    assert "/offers/v1.0/aws/AmazonEC2/20261101/eu-west-1/index.json" in price_lists.requests
    assert not any("us-east-1/index.json" in r for r in price_lists.requests)
    assert (small_catalog / "providers" / "aws.yaml").read_text() == before
    assert "aws: 3 prices fetched" in out


def test_refresh_azure_follows_next_page_link_and_skips_windows_and_spot(
    small_catalog, price_lists, tmp_path, capsys
):
    code, _, err = refresh(
        capsys, small_catalog, tmp_path / "out", "azure", price_lists.base + "/api/retail/prices"
    )
    assert code == 0, err
    result = changes(tmp_path / "out", "azure")
    assert result["counts"] == {
        "fetched": 3,
        "unchanged": 1,
        "changed": 1,
        "new_prices": 0,
        "new_products": 1,
        "ambiguous": 0,
        "retired": 0,
        "at_low": 0,
    }
    assert result["changed"] == [
        {
            "product": "Standard_D2s_v3",
            "region": "westeurope",
            "unit": "hour",
            "fetched": "0.125",
            "currency": "USD",
            "published": "2026-06-01",
            "catalogue": "0.12 USD/hour",
            "catalogue_published": "2026-11-01",
        }
    ]
    assert len(price_lists.requests) == 2
    assert "armRegionName+eq+%27westeurope%27" in price_lists.requests[0]


def test_refresh_ovhcloud_honours_interval_units_and_keeps_variants_apart(
    small_catalog, price_lists, tmp_path, capsys
):
    endpoint = price_lists.base + "/v1/order/catalog/public/cloud"
    code, _, err = refresh(capsys, small_catalog, tmp_path / "out", "ovhcloud", endpoint)
    assert code == 0, err
    result = changes(tmp_path / "out", "ovhcloud")
    assert result["published"] == "unknown" and result["retrieved"]
    assert result["changed"] == [
        {
            "product": "b3-8",
            "region": "",
            "unit": "hour",
            "fetched": "0.0512",
            "currency": "EUR",
            "listed_as": "b3-8.consumption",
            "catalogue": "0.0681 EUR/hour",
            "catalogue_published": "2026-11-01",
        }
    ]
    ambiguous = {
        (r["product"], r["variant"]): r["reason"]
        for r in result["ambiguous"]
        if r["product"].startswith("b3-8")
    }
    assert ambiguous == {
        (
            "b3-8.consumption.3AZ",
            "3az",
        ): "3az variant of b3-8, priced apart; the catalogue holds the plain flavour only",
        (
            "b3-8.consumption.LZ.AF",
            "lz-af",
        ): "lz-af variant of b3-8, priced apart; the catalogue holds the plain flavour only",
        (
            "b3-8.consumption.LZ.EU",
            "lz-eu",
        ): "lz-eu variant of b3-8, priced apart; the catalogue holds the plain flavour only",
    }
    new = {r["product"]: (r["unit"], r["fetched"]) for r in result["new_products"]}
    assert new["a100-180.consumption"] == ("hour", "2.75")
    assert new["a100-180.monthly.postpaid"] == ("month", "1100")
    assert new["d2-4.consumption"] == ("hour", "0.0206")
    assert new["d2-4.monthly.postpaid"] == ("month", "11.44")
    assert (
        next(r for r in result["new_products"] if r["product"] == "c3-8.consumption.3AZ")["variant"]
        == "3az"
    )


@pytest.mark.parametrize(
    ("provider", "path"),
    [("ovhcloud", "/v1/order/catalog/public/cloud"), ("scaleway", "/products")],
)
def test_refresh_dates_a_list_by_its_last_modified_header(
    small_catalog, price_lists, tmp_path, capsys, provider, path
):
    """OVHcloud's and Scaleway's lists state no date of their own: the server's Last-Modified
    dates every row and the file; a header that cannot be read leaves them unknown."""
    price_lists.headers[path] = {"Last-Modified": "Tue, 01 Dec 2026 09:30:00 GMT"}
    code, _, err = refresh(capsys, small_catalog, tmp_path / "a", provider, price_lists.base + path)
    assert code == 0, err
    result = changes(tmp_path / "a", provider)
    assert result["published"] == "2026-12-01"
    rows = [*result["changed"], *result["new_products"], *result["new_prices"]]
    assert rows and all(row["published"] == "2026-12-01" for row in rows)

    price_lists.headers[path] = {"Last-Modified": "yesterday"}
    code, _, err = refresh(capsys, small_catalog, tmp_path / "b", provider, price_lists.base + path)
    assert code == 0, err
    result = changes(tmp_path / "b", provider)
    assert result["published"] == "unknown"
    assert not any("published" in row for row in result["changed"])


def test_refresh_ovhcloud_on_the_bundled_catalogue_proposes_no_unit_error(price_lists, repo_dir):
    from cloudexit.catalog import load_catalog
    from cloudexit.catalog.refresh import compare
    from cloudexit.catalog.refresh.ovhcloud import fetch

    catalog = load_catalog(repo_dir / "providers", repo_dir / "mappings")
    endpoint = price_lists.base + "/v1/order/catalog/public/cloud"
    result = compare("ovhcloud", catalog.providers["ovhcloud"], fetch(endpoint, []), endpoint)
    rows = [*result.changed, *result.new_prices, *result.new_products]
    assert rows
    for row in result.changed:
        catalogue_amount, catalogue_unit = (
            row["catalogue"].split(" ")[0],
            row["catalogue"].split("/")[1],
        )
        assert catalogue_unit == row["unit"], row
        ratio = Decimal(row["fetched"]) / Decimal(catalogue_amount)
        assert Decimal("0.5") < ratio < Decimal(2), row
    hourly = {
        r["product"].split(".")[0]: Decimal(r["fetched"]) for r in rows if r["unit"] == "hour"
    }
    monthly = {
        r["product"].split(".")[0]: Decimal(r["fetched"]) for r in rows if r["unit"] == "month"
    }
    for name in hourly.keys() & monthly.keys():
        assert 300 < monthly[name] / hourly[name] < 730, name
    # the catalogue now holds d2-4 as this response states it, hourly and monthly apart,
    # so reading either interval as the other would surface here as a change
    changed = {(r["product"], r["unit"]) for r in result.changed}
    assert ("d2-4", "hour") not in changed
    assert ("d2-4", "month") not in changed


def test_the_bundled_ovhcloud_prices_are_what_the_recorded_catalogue_answers(price_lists, repo_dir):
    """Every plain flavour the recorded order-catalogue response prices is in the bundled file at
    exactly that figure, hourly and monthly apart, and says it rests on the provider's API."""
    from cloudexit.catalog import load_catalog
    from cloudexit.catalog.refresh.ovhcloud import fetch

    ovh = load_catalog(repo_dir / "providers", repo_dir / "mappings").providers["ovhcloud"]
    endpoint = price_lists.base + "/v1/order/catalog/public/cloud"
    recorded = json.loads((RECORDED / "ovhcloud-catalog.json").read_text())
    instances = {
        addon["planCode"]
        for addon in recorded["addons"]
        if addon["product"] == "publiccloud-instance"
    }
    plain = [row for row in fetch(endpoint, []) if row.product in instances and not row.variant]
    assert {row.unit for row in plain} == {"hour", "month"}
    products = {product.id: product for product in ovh.products}
    for row in plain:
        product = products[row.product.split(".")[0]]
        listed = [price for price in product.prices if price.unit == row.unit]
        assert [price.amount for price in listed] == [row.amount], (row.product, row.unit)
        assert listed[0].source.evidence == "provider_api", row.product


def test_every_ovhcloud_price_said_to_rest_on_the_api_is_in_the_recorded_response(
    price_lists, repo_dir
):
    """The converse: a bundled OVHcloud price may only claim the provider's API as evidence when the
    recorded order-catalogue response gives that flavour at that figure and interval, and a 3-AZ or
    Local Zone reading never stands as the plain flavour's price."""
    from cloudexit.catalog import load_catalog
    from cloudexit.catalog.refresh.ovhcloud import fetch

    ovh = load_catalog(repo_dir / "providers", repo_dir / "mappings").providers["ovhcloud"]
    rows = fetch(price_lists.base + "/v1/order/catalog/public/cloud", [])
    plain = {(row.product.split(".")[0], row.unit): row.amount for row in rows if not row.variant}
    plain_ids = {product.id for product in ovh.products}
    claimed = [
        (product.id, price)
        for product in ovh.products
        for price in product.prices
        if price.source.evidence == "provider_api"
    ]
    assert claimed
    for product_id, price in claimed:
        assert plain.get((product_id, price.unit)) == price.amount, (product_id, price.unit)
        assert "tests/fixtures/ovh_catalog.json" in price.source.url, product_id
    variants = [row for row in rows if row.variant and row.product.split(".")[0] in plain_ids]
    assert {row.variant for row in variants} >= {"3az", "lz-af"}
    for row in variants:
        base = row.product.split(".")[0]
        if row.amount != plain.get((base, row.unit)):
            product = next(p for p in ovh.products if p.id == base)
            assert row.amount not in {price.amount for price in product.prices}, row.product


def test_refresh_ovhcloud_reads_storage_per_gib_and_service_flavours_with_their_variants(
    price_lists, repo_dir
):
    """A block volume's hourly figure is a rate per GiB, never the price of a volume: it is listed,
    not compared, while its monthly plan is compared per GiB-month; a managed database's plan code
    finds the catalogue's flavour, and its APAC plan stays apart from the European one."""
    from cloudexit.catalog import load_catalog
    from cloudexit.catalog.refresh import compare
    from cloudexit.catalog.refresh.ovhcloud import fetch

    ovh = load_catalog(repo_dir / "providers", repo_dir / "mappings").providers["ovhcloud"]
    endpoint = price_lists.base + "/v1/order/catalog/public/cloud"
    result = compare("ovhcloud", ovh, fetch(endpoint, []), endpoint)
    proposed = [*result.changed, *result.new_prices, *result.new_products]
    listed = {r.get("listed_as", r["product"]): r for r in proposed}
    # only the plain monthly volume plan and the plain database flavour may be proposed, each
    # against the catalogue's own product in the catalogue's own unit
    assert {k for k in listed if k.startswith(("volume", "databases"))} <= {
        "volume.classic.monthly.postpaid",
        "databases.mysql-business-db1-7.hour.consumption",
    }
    for code, (product, unit) in {
        "volume.classic.monthly.postpaid": ("volume-classic", "gib_month"),
        "databases.mysql-business-db1-7.hour.consumption": ("mysql-business-db1-7", "hour"),
    }.items():
        if code in listed:
            row = listed[code]
            assert (row["product"], row["unit"]) == (product, unit), row
            assert row.get("catalogue", "").endswith(f"/{unit}"), row
    ambiguous = {r.get("listed_as", r["product"]): r for r in result.ambiguous}
    hourly = ambiguous["volume.classic.consumption"]
    assert (hourly["product"], hourly["unit"]) == ("volume-classic", "hour")
    assert hourly["reason"].startswith("per GiB-hour")
    assert ambiguous["volume.classic.consumption.3AZ"]["variant"] == "3az"
    assert "volume.classic.monthly.postpaid" not in ambiguous
    apac = ambiguous["databases.mysql-business-db1-7.hour.consumption.apac"]
    assert apac["variant"] == "apac"
    assert apac["reason"].startswith("apac variant of mysql-business-db1-7")
    volume = next(p for p in ovh.products if p.id == "volume-classic")
    database = next(p for p in ovh.products if p.id == "mysql-business-db1-7")
    # the catalogue prices both in the units the list gives their plain plans
    assert {p.unit for p in volume.prices} == {"gib_month"}
    assert "hour" in {p.unit for p in database.prices}


def test_refresh_never_proposes_an_hourly_figure_for_a_product_priced_per_gib(
    small_catalog, price_lists, tmp_path, capsys
):
    """A list that prices a per-GiB product per hour (or an hourly product per GiB) is shown for
    review, never proposed as a new price in a unit the catalogue does not bill it in."""
    data = yaml.safe_load((small_catalog / "providers" / "ovhcloud.yaml").read_text())
    data["products"].append(
        {
            "id": "volume-classic",
            "name": "Classic volume",
            "service": "block_storage",
            "family": "standard",
            "prices": [
                {
                    "amount": "0.05",
                    "currency": "EUR",
                    "unit": "gib_month",
                    "regions": [],
                    "source": data["products"][0]["prices"][0]["source"],
                }
            ],
        }
    )
    (small_catalog / "providers" / "ovhcloud.yaml").write_text(yaml.safe_dump(data))
    recorded = json.loads((RECORDED / "ovhcloud-catalog.json").read_text())
    # as if a list forgot to say the rate is per GiB
    recorded["addons"] = [
        a for a in recorded["addons"] if a["planCode"] != "volume.classic.monthly.postpaid"
    ]
    for addon in recorded["addons"]:
        if addon["planCode"] == "volume.classic.consumption":
            addon["planCode"] = "classic-volume.consumption"
            addon["invoiceName"] = "volume-classic"
    price_lists.override["/v1/order/catalog/public/cloud"] = recorded
    code, _, err = refresh(
        capsys,
        small_catalog,
        tmp_path / "out",
        "ovhcloud",
        price_lists.base + "/v1/order/catalog/public/cloud",
    )
    assert code == 0, err
    result = changes(tmp_path / "out", "ovhcloud")
    assert not any(r["product"] == "volume-classic" for r in result["new_prices"])
    (row,) = [r for r in result["ambiguous"] if r["product"] == "volume-classic"]
    assert row["reason"] == (
        "listed per hour, the catalogue prices volume-classic per gib_month: not compared"
    )


@pytest.mark.parametrize(
    ("pricing", "unit", "reason"),
    [
        ({"intervalUnit": "none"}, "unstated interval", "unstated interval"),
        ({"intervalUnit": None}, "unstated interval", "unstated interval"),
        ({"interval": None}, "unstated interval", "unstated interval"),
        ({"intervalUnit": "day"}, "1 day", "interval 1 day"),
    ],
)
def test_refresh_ovhcloud_flags_a_pricing_with_no_readable_interval(
    small_catalog, price_lists, tmp_path, capsys, pricing, unit, reason
):
    recorded = json.loads((RECORDED / "ovhcloud-catalog.json").read_text())
    offer = next(a for a in recorded["addons"] if a["planCode"] == "d2-2.consumption")
    offer["pricings"][0].update(pricing)
    del offer["blobs"]["commercial"]["price"]
    price_lists.override["/v1/order/catalog/public/cloud"] = recorded
    endpoint = price_lists.base + "/v1/order/catalog/public/cloud"
    code, _, err = refresh(capsys, small_catalog, tmp_path / "out", "ovhcloud", endpoint)
    assert code == 0, err
    result = changes(tmp_path / "out", "ovhcloud")
    flagged = [r for r in result["ambiguous"] if r["product"] == "d2-2.consumption"]
    assert flagged == [
        {
            "product": "d2-2.consumption",
            "region": "",
            "unit": unit,
            "fetched": "0.0104",
            "currency": "EUR",
            "reason": f"{reason}: neither an hour nor a month",
        }
    ]
    assert all(r["product"] != "d2-2.consumption" for r in result["new_products"])


def test_refresh_scaleway_pages_through_the_catalogue(small_catalog, price_lists, tmp_path, capsys):
    code, _, err = refresh(
        capsys, small_catalog, tmp_path / "out", "scaleway", price_lists.base + "/products"
    )
    assert code == 0, err
    result = changes(tmp_path / "out", "scaleway")
    assert result["counts"]["fetched"] == 3
    # the per-GB storage price has no hourly or monthly unit: listed with its own unit, never
    # compared, dropped or labelled hourly
    assert result["ambiguous"] == [
        {
            "product": "/storage/local/ssd/storage",
            "region": "",
            "unit": "gigabyte",
            "fetched": "0.000044",
            "currency": "EUR",
            "reason": "priced per gigabyte, neither one hour nor one month: not compared",
        }
    ]
    assert result["changed"] == [
        {
            "product": "POP2-2C-8G",
            "region": "fr-par",
            "unit": "hour",
            "fetched": "0.091",
            "currency": "EUR",
            "listed_as": "/compute/pop2_2c_8g/run_fr-par-1",
            "catalogue": "0.0735 EUR/hour",
            "catalogue_published": "2026-11-01",
        }
    ]
    assert [r["product"] for r in result["new_products"]] == ["/compute/dev1_s/run_fr-par-1"]
    assert sum("page=" in r for r in price_lists.requests) == 2


def test_refresh_output_is_byte_identical_across_runs(small_catalog, price_lists, tmp_path, capsys):
    endpoint = price_lists.base + "/api/retail/prices"
    refresh(capsys, small_catalog, tmp_path / "a", "azure", endpoint)
    refresh(capsys, small_catalog, tmp_path / "b", "azure", endpoint)
    assert (tmp_path / "a" / "azure.changes.yaml").read_bytes() == (
        tmp_path / "b" / "azure.changes.yaml"
    ).read_bytes()


def test_refresh_usage_errors_exit_2(small_catalog, tmp_path, capsys):
    code, _, err = cli(
        capsys,
        "catalog",
        "refresh",
        "--catalog",
        str(small_catalog),
        "--provider",
        "aws",
        "--provider",
        "azure",
        "--endpoint",
        "http://127.0.0.1:9",
    )
    assert code == 2 and "--endpoint needs exactly one --provider" in err
    code, _, err = cli(
        capsys, "catalog", "refresh", "--catalog", str(small_catalog), "--provider", "ionos"
    )
    assert code == 2 and "no price list fetcher for ionos" in err
    assert "IONOS publishes no machine-readable price list" in err and err.count("\n") == 1
    code, _, err = cli(
        capsys,
        "catalog",
        "refresh",
        "--catalog",
        str(small_catalog),
        "--provider",
        "aws",
        "--out",
        str(small_catalog / "providers"),
    )
    assert code == 2 and "never writes into the catalogue" in err


def test_refresh_unreachable_price_list_exits_1_with_one_line(
    small_catalog, price_lists, tmp_path, capsys
):
    copy = tmp_path / "copy"
    shutil.copytree(small_catalog, copy)
    code, _, err = refresh(capsys, copy, tmp_path / "out", "azure", price_lists.base + "/missing")
    assert code == 1
    assert err.count("\n") == 1 and "HTTP 404" in err
    assert not (tmp_path / "out").exists()


def test_refresh_scaleway_tells_retired_products_from_new(
    small_catalog, price_lists, tmp_path, capsys
):
    page = json.loads((RECORDED / "scaleway-status.json").read_text())
    price_lists.override["/products"] = page
    code, out, err = refresh(
        capsys, small_catalog, tmp_path / "out", "scaleway", price_lists.base + "/products"
    )
    assert code == 0, err
    assert "2 retired" in out
    result = changes(tmp_path / "out", "scaleway")
    assert [r["product"] for r in result["new_products"]] == ["/compute/pop2_4c_16g/run_par1"]
    assert result["counts"]["unchanged"] == 1
    retired = {r["product"]: r["reason"] for r in result["retired"]}
    assert retired == {
        "/compute/start1_s/run_par1": "status retired; not in the catalogue, not proposed",
        "/compute/x64_15gb/run_par1": (
            "status retired, end of life 2026-05-31; not in the catalogue, not proposed"
        ),
    }


def test_refresh_scaleway_flags_a_retired_product_the_catalogue_still_offers(
    small_catalog, price_lists, tmp_path, capsys
):
    page = json.loads((RECORDED / "scaleway-status.json").read_text())
    for product in page["products"]:
        if product["product"] == "POP2-2C-8G":
            product["status"] = "end_of_life"
    price_lists.override["/products"] = page
    code, _, err = refresh(
        capsys, small_catalog, tmp_path / "out", "scaleway", price_lists.base + "/products"
    )
    assert code == 0, err
    result = changes(tmp_path / "out", "scaleway")
    flagged = [r for r in result["retired"] if r["product"] == "POP2-2C-8G"]
    assert flagged == [
        {
            "product": "POP2-2C-8G",
            "region": "fr-par",
            "unit": "hour",
            "fetched": "0.0735",
            "currency": "EUR",
            "listed_as": "/compute/pop2_2c_8g/run_par1",
            "reason": "status end_of_life; the catalogue still offers it: mark it deprecated",
        }
    ]
    assert result["counts"]["unchanged"] == 0


def _gcp_changes(price_lists, repo_dir):
    from cloudexit.catalog import load_catalog
    from cloudexit.catalog.refresh import FETCHERS, compare

    provider = load_catalog(repo_dir / "providers", repo_dir / "mappings").providers["gcp"]
    fetcher = FETCHERS["gcp"]
    endpoint = price_lists.base + "/v1/services/6F81-5844-456A/skus"
    regions = sorted(r.code for r in provider.regions)
    observed = fetcher.fetch(endpoint, regions)
    assert fetcher.compose is not None
    return compare("gcp", provider, fetcher.compose(observed, provider), endpoint), provider


def test_refresh_gcp_prices_machine_types_from_core_and_ram_rates(price_lists, repo_dir):
    """Recorded Cloud Billing Catalog rates: europe-west1 E2 core and RAM read in CZK (effective
    2026-04-13), and 2020 readings of us-east4 disks, an N2D core in europe-west4, N1 RAM in
    the Americas and preemptible rates that must be left out."""
    result, provider = _gcp_changes(price_lists, repo_dir)
    assert len(price_lists.requests) == 2
    assert "pageToken=second" in price_lists.requests[1]
    rows = {
        (r["product"], r["region"]): r
        for r in [*result.changed, *result.new_prices, *result.new_products, *result.ambiguous]
    }
    e2 = rows[("e2-standard-2", "europe-west1")]
    # 2 vCPU x 0.509871109 + 8 GiB x 0.06834352 CZK an hour
    assert Decimal(e2["fetched"]) == Decimal("1.566490378")
    assert e2["currency"] == "CZK" and e2["published"] == "2026-04-13"
    assert e2["reason"] == "listed in CZK, the catalogue in USD: not compared"
    assert e2 in result.ambiguous and e2["catalogue_published"]
    # every e2 machine type in the catalogue, shared-core ones left out (they bill part of a vCPU)
    e2_types = {
        p.id
        for p in provider.products
        if p.id.startswith("e2-") and p.service == "compute" and "/" not in p.id
    }
    priced = {product for product, region in rows if region == "europe-west1"}
    assert e2_types - {"e2-micro", "e2-small", "e2-medium"} <= priced
    # a lone core or RAM rate is listed in its own unit, never as an hourly machine price
    assert rows[("n1 RAM", "us-east1")]["unit"] == "GiB-hour"
    assert rows[("n2d core", "europe-west4")]["unit"] == "vCPU-hour"
    assert not {"e2-micro", "e2-small", "e2-medium"} & priced
    # disk rates read in USD match the catalogue; asia-east1 and us-central2 are not its regions
    assert result.unchanged == 2
    assert not any(region in ("asia-east1", "us-central2") for _, region in rows)
    balanced = rows[("pd-balanced", "europe-west1")]
    assert (balanced["unit"], balanced["fetched"]) == ("gib_month", "2.12505")
    # a core rate with no RAM rate, and a RAM rate with no core rate, are never priced
    assert rows[("n2d core", "europe-west4")]["reason"] == (
        "per vCPU-hour; n2d has a core rate here but no RAM rate"
    )
    assert rows[("n1 RAM", "us-east1")]["reason"] == (
        "per GiB-hour of memory; n1 has a RAM rate here but no core rate"
    )
    assert not any(p.startswith(("n2d-", "n1-")) for p, _ in rows)
    # preemptible rates and internet egress (tiered, not a disk or machine rate) are not read
    assert ("n2 core", "us-east1") not in rows
    assert not any("Egress" in p or "Preemptible" in p for p, _ in rows)
    assert result.published == "2020-08-05 to 2026-04-13"


def test_refresh_gcp_writes_publication_dates_and_sends_the_api_key(
    small_catalog, price_lists, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("CLOUDEXIT_GCP_API_KEY", "recorded-test-key")
    endpoint = price_lists.base + "/v1/services/6F81-5844-456A/skus"
    code, out, err = refresh(capsys, small_catalog, tmp_path / "out", "gcp", endpoint)
    assert code == 0, err
    assert all("key=recorded-test-key" in r for r in price_lists.requests)
    result = changes(tmp_path / "out", "gcp")
    # only the catalogue's regions (us-central1, europe-west1) are read: the 2020 rows serve others
    assert result["published"] == "2026-04-13"
    rows = [*result["new_products"], *result["new_prices"], *result["ambiguous"]]
    assert rows and all(r["published"] for r in rows)
    # the small catalogue has no e2 machine type: its rates are listed, never priced as one
    reasons = {(r["product"], r["region"]): r.get("reason") for r in result["ambiguous"]}
    assert reasons[("e2 core", "europe-west1")] == (
        "per vCPU-hour; no e2 machine type in the catalogue"
    )
    assert reasons[("e2 RAM", "europe-west1")] == (
        "per GiB-hour of memory; no e2 machine type in the catalogue"
    )
    assert "gcp:" in out


def test_refresh_scaleway_on_the_bundled_catalogue_proposes_no_unit_error(price_lists, repo_dir):
    from cloudexit.catalog import load_catalog
    from cloudexit.catalog.refresh import compare
    from cloudexit.catalog.refresh.scaleway import fetch

    catalog = load_catalog(repo_dir / "providers", repo_dir / "mappings")
    endpoint = price_lists.base + "/products"
    observed = fetch(endpoint, [])
    price_lists.override["/products"] = json.loads((RECORDED / "scaleway-status.json").read_text())
    observed += fetch(endpoint, [])
    result = compare("scaleway", catalog.providers["scaleway"], observed, endpoint)
    assert result.unchanged + len(result.changed) >= 2
    for row in result.changed:
        amount, unit = row["catalogue"].split(" ")[0], row["catalogue"].split("/")[1]
        assert unit == row["unit"], row
        assert Decimal("0.5") < Decimal(row["fetched"]) / Decimal(amount) < 2, row
    retired = {r["listed_as"] if "listed_as" in r else r["product"] for r in result.retired}
    assert "/compute/start1_s/run_par1" in retired
    assert not any("start1" in r["product"].lower() for r in result.new_products)


def test_refresh_scaleway_reads_a_zone_s_server_types_hourly_and_tells_retired_ones(
    price_lists, repo_dir, tmp_path, capsys, monkeypatch
):
    """The Instances API's server types of fr-par-1: hourly prices compared with the catalogue,
    the monthly figure (730 hours of the hourly one) never proposed as a monthly plan, a type at
    its end of service told apart from a new one."""
    monkeypatch.setenv("CLOUDEXIT_SCALEWAY_TOKEN", "recorded-test-token")
    endpoint = price_lists.base + "/instance/v1/zones/fr-par-1/products/servers"
    code, out, err = refresh(capsys, repo_dir, tmp_path / "out", "scaleway", endpoint)
    assert code == 0, err
    # two pages of types, then an empty one
    assert price_lists.tokens == ["recorded-test-token"] * 3
    result = changes(tmp_path / "out", "scaleway")
    assert result["counts"]["fetched"] == 6
    assert result["counts"]["unchanged"] == 5
    assert not result["changed"] and not result["new_prices"] and not result["new_products"]
    assert result["retired"] == [
        {
            "product": "START1-S",
            "region": "fr-par",
            "unit": "hour",
            "fetched": "0.0044",
            "currency": "EUR",
            "reason": "end_of_service; not in the catalogue, not proposed",
        }
    ]
    assert not any(
        r["unit"] == "month" for rows in result.values() if isinstance(rows, list) for r in rows
    )
    assert "1 retired" in out

    page = json.loads((RECORDED / "scaleway-servers-page1.json").read_text())
    page["servers"]["L4-1-24G"]["monthly_price"] = 499.0
    price_lists.override["/instance/v1/zones/fr-par-1/products/servers"] = page
    code, _, err = refresh(capsys, repo_dir, tmp_path / "again", "scaleway", endpoint)
    assert code == 0, err
    again = changes(tmp_path / "again", "scaleway")
    (flagged,) = again["ambiguous"]
    assert (flagged["product"], flagged["unit"], flagged["fetched"]) == ("L4-1-24G", "month", "499")
    # the hourly price is still compared
    assert again["counts"]["unchanged"] == 4
    assert flagged["reason"] == (
        "monthly_price 499.0 is not 730 hours of hourly_price 0.7875: "
        "a monthly plan the catalogue does not model"
    )


def test_refresh_scaleway_lists_a_per_minute_price_for_review(
    small_catalog, price_lists, tmp_path, capsys
):
    """The product catalogue prices the largest GPU types per minute: such a row is listed with
    its unit, never dropped and never read as an hourly price."""
    page = json.loads((RECORDED / "scaleway-status.json").read_text())
    minute = json.loads(json.dumps(page["products"][2]))
    minute.update(
        sku="/compute/b300_sxm_8_288g/run_fr-par-2",
        product="B300-SXM-8-288G",
        locality={"zone": "fr-par-2"},
        price={"retail_price": {"currency_code": "EUR", "units": 1, "nanos": 0}},
        unit_of_measure={"unit": "minute", "size": 1},
    )
    page["products"].append(minute)
    page["total_count"] = len(page["products"])
    price_lists.override["/products"] = page
    code, _, err = refresh(
        capsys, small_catalog, tmp_path / "out", "scaleway", price_lists.base + "/products"
    )
    assert code == 0, err
    result = changes(tmp_path / "out", "scaleway")
    (row,) = [r for r in result["ambiguous"] if "b300" in r["product"]]
    assert row["fetched"] == "1"
    # the row names the list's own unit: read as it is written, it is never an hourly figure
    assert row["unit"] == "minute"
    assert row["reason"] == "priced per minute, neither one hour nor one month: not compared"
    proposed = [*result["changed"], *result["new_prices"], *result["new_products"]]
    assert not any("b300" in r["product"] for r in proposed)


def test_show_names_where_a_product_has_no_price_and_why(capsys):
    code, out, _ = cli(capsys, "catalog", "show", "ionos", "container-registry")
    assert code == 0
    assert "prices (0):" in out
    (line,) = [row for row in out.splitlines() if row.startswith("no price in ")]
    assert "de/fra" in line and "checked 2026-12-07" in line and "Container Registry" in line


def test_show_names_the_regions_a_partly_priced_product_lacks(capsys):
    code, out, _ = cli(capsys, "catalog", "show", "ionos", "volume-ssd-standard")
    assert code == 0
    assert "prices (1):" in out
    (line,) = [row for row in out.splitlines() if row.startswith("no price in ")]
    assert "es/vit" in line and "de/fra," not in line and "checked 2026-12-06" in line


def _scaleway_instance(template, offer, zone, units, nanos):
    """A product-catalogue row for an instance type, shaped as the recorded answers are."""
    row = json.loads(json.dumps(template))
    code = offer.lower().replace("-", "_")
    row.update(
        sku=f"/compute/{code}/run_{zone}",
        product=offer,
        variant=f"{offer} - {zone}",
        description=f"{offer} - {zone}",
        locality={"zone": zone},
        price={"retail_price": {"currency_code": "EUR", "units": units, "nanos": nanos}},
    )
    row["properties"]["instance"]["offer_id"] = offer
    return row


def test_refresh_scaleway_reads_a_range_s_lower_bound_and_a_sub_precision_figure_as_recorded(
    price_lists, repo_dir, tmp_path, capsys
):
    """The product catalogue states STANDARD2-A32C-128G at 1.0078, the lower bound of the range
    the catalogue records (the Instance API's 1.1978 is the upper): reported as that bound, never
    proposed over the figure plans use; 1.02 in another zone is off both bounds, so a change.
    DEV1-XL's 65075999 nanos is the recorded 0.065076 written below the six decimals the catalogue
    keeps: unchanged, not a change of 0.000000001."""
    template = json.loads((RECORDED / "scaleway-status.json").read_text())["products"][2]
    rows = [
        _scaleway_instance(template, "DEV1-XL", "fr-par-1", 0, 65_075_999),
        _scaleway_instance(template, "STANDARD2-A32C-128G", "fr-par-1", 1, 7_800_000),
        _scaleway_instance(template, "STANDARD2-A32C-128G", "nl-ams-1", 1, 20_000_000),
    ]
    price_lists.override["/products"] = {"products": rows, "total_count": len(rows)}
    endpoint = price_lists.base + "/products"
    code, out, err = refresh(capsys, repo_dir, tmp_path / "a", "scaleway", endpoint)
    assert code == 0, err
    assert "1 unchanged, 1 changed" in out and "1 at a recorded range's lower bound" in out
    result = changes(tmp_path / "a", "scaleway")
    assert result["counts"]["unchanged"] == 1
    assert not result["new_prices"] and not result["new_products"]
    ranged = {
        "product": "STANDARD2-A32C-128G",
        "unit": "hour",
        "currency": "EUR",
        "catalogue": "1.1978 EUR/hour",
        "catalogue_published": "2026-08-17",
        "catalogue_low": "1.0078 EUR/hour",
        "catalogue_low_published": "2026-07-01",
    }
    assert result["at_low"] == [
        {
            **ranged,
            "region": "fr-par",
            "fetched": "1.0078",
            "listed_as": "/compute/standard2_a32c_128g/run_fr-par-1",
            "reason": "the recorded range's lower bound; plans use its upper bound 1.1978: "
            "not proposed",
        },
    ]
    assert result["changed"] == [
        {
            **ranged,
            "region": "nl-ams",
            "fetched": "1.02",
            "listed_as": "/compute/standard2_a32c_128g/run_nl-ams-1",
        }
    ]
    again = refresh(capsys, repo_dir, tmp_path / "b", "scaleway", endpoint)
    assert again[0] == 0
    assert (tmp_path / "a" / "scaleway.changes.yaml").read_bytes() == (
        tmp_path / "b" / "scaleway.changes.yaml"
    ).read_bytes()


def test_refresh_proposes_a_figure_off_a_range_s_bounds_with_the_range_it_would_replace(
    price_lists, repo_dir, tmp_path, capsys
):
    """A figure 5 % over the lower bound is a change, and the row names both bounds."""
    template = json.loads((RECORDED / "scaleway-status.json").read_text())["products"][2]
    row = _scaleway_instance(template, "STANDARD2-A32C-128G", "fr-par-1", 1, 58_200_000)
    price_lists.override["/products"] = {"products": [row], "total_count": 1}
    code, _, err = refresh(capsys, repo_dir, tmp_path, "scaleway", price_lists.base + "/products")
    assert code == 0, err
    result = changes(tmp_path, "scaleway")
    assert not result["at_low"]
    ((changed),) = result["changed"]
    assert (changed["fetched"], changed["catalogue"], changed["catalogue_low"]) == (
        "1.0582",
        "1.1978 EUR/hour",
        "1.0078 EUR/hour",
    )


@pytest.mark.parametrize("fetched", ["0.98", "0.9786", "1.0079", "1.03"])
def test_refresh_proposes_a_figure_below_or_just_over_a_range_s_lower_bound(fetched):
    """A price cut below the range, or a figure near its lower bound but not on it, is a change
    naming both bounds, never filed as the bound itself."""
    from cloudexit import load_catalog
    from cloudexit.catalog.refresh.compare import compare
    from cloudexit.catalog.refresh.observed import Observed

    scaleway = load_catalog().providers["scaleway"]
    price = next(p for p in scaleway.products if p.id == "STANDARD2-A32C-128G").prices[0]
    assert (price.amount, price.low) == (Decimal("1.1978"), Decimal("1.0078"))
    seen = Observed(
        product="STANDARD2-A32C-128G",
        region="fr-par-1",
        unit=price.unit,
        amount=Decimal(fetched),
        currency=price.currency,
        keys=("STANDARD2-A32C-128G",),
    )
    result = compare("scaleway", scaleway, [seen], "listed").as_data()
    assert not result["at_low"] and result["counts"]["unchanged"] == 0
    ((changed),) = result["changed"]
    assert (changed["fetched"], changed["catalogue"], changed["catalogue_low"]) == (
        fetched,
        "1.1978 EUR/hour",
        "1.0078 EUR/hour",
    )


@pytest.mark.parametrize(
    ("fetched", "recorded", "same"),
    [
        ("0.065075999", "0.065076", True),
        ("0.065076", "0.065076", True),
        ("120.11", "120", False),
        ("0.15014", "0.15", False),
        ("120.01", "120", True),
        ("0.150001", "0.15", True),
    ],
)
def test_only_a_difference_below_the_recorded_decimals_is_the_same_figure(fetched, recorded, same):
    from cloudexit.catalog.refresh.compare import _same

    assert _same(Decimal(fetched), Decimal(recorded)) is same


@pytest.mark.parametrize(
    ("recorded", "nanos", "proposed"),
    [
        ("0.0735", 73_500_001, False),  # below the four decimals recorded
        ("0.0735", 73_520_000, True),  # rounds to 0.0735 but moves its last decimal: a change
        ("0.0735", 73_600_000, True),  # at the recorded precision: a change
        ("0.07", 73_500_000, True),  # rounds to 0.07 but 5 % off: a figure recorded too coarsely
    ],
)
def test_refresh_reads_a_difference_below_the_recorded_precision_as_unchanged(
    small_catalog, price_lists, tmp_path, capsys, recorded, nanos, proposed
):
    path = small_catalog / "providers" / "scaleway.yaml"
    data = yaml.safe_load(path.read_text())
    data["products"][0]["prices"][0]["amount"] = recorded
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    page = json.loads((RECORDED / "scaleway-status.json").read_text())
    row = _scaleway_instance(page["products"][2], "POP2-2C-8G", "fr-par-1", 0, nanos)
    price_lists.override["/products"] = {"products": [row], "total_count": 1}
    code, _, err = refresh(
        capsys, small_catalog, tmp_path / "out", "scaleway", price_lists.base + "/products"
    )
    assert code == 0, err
    result = changes(tmp_path / "out", "scaleway")
    assert len(result["changed"]) == int(proposed)
    assert result["counts"]["unchanged"] == int(not proposed)


def test_refresh_ovhcloud_still_flags_variants_and_unreadable_intervals_at_a_range_s_bound(
    small_catalog, price_lists, tmp_path, capsys
):
    """A 3-AZ or Local Zone plan, or a pricing with no readable interval, is listed for review
    even when its figure is the lower bound of the plain flavour's recorded range."""
    path = small_catalog / "providers" / "ovhcloud.yaml"
    data = yaml.safe_load(path.read_text())
    price = data["products"][0]["prices"][0]
    price.update(low="0.0512", low_source=price["source"])
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    recorded = json.loads((RECORDED / "ovhcloud-catalog.json").read_text())
    offer = next(a for a in recorded["addons"] if a["planCode"] == "b3-8.consumption.LZ.AF")
    offer["pricings"][0].update(price=5_120_000, intervalUnit="none")
    offer.get("blobs", {}).get("commercial", {}).pop("price", None)
    price_lists.override["/v1/order/catalog/public/cloud"] = recorded
    endpoint = price_lists.base + "/v1/order/catalog/public/cloud"
    code, _, err = refresh(capsys, small_catalog, tmp_path / "out", "ovhcloud", endpoint)
    assert code == 0, err
    result = changes(tmp_path / "out", "ovhcloud")
    assert [(r["listed_as"], r["fetched"]) for r in result["at_low"]] == [
        ("b3-8.consumption", "0.0512")
    ]
    flagged = {r["product"]: r["reason"] for r in result["ambiguous"] if "b3-8" in r["product"]}
    assert flagged == {
        "b3-8.consumption.3AZ": (
            "3az variant of b3-8, priced apart; the catalogue holds the plain flavour only"
        ),
        "b3-8.consumption.LZ.AF": "unstated interval: neither an hour nor a month",
        "b3-8.consumption.LZ.EU": (
            "lz-eu variant of b3-8, priced apart; the catalogue holds the plain flavour only"
        ),
    }
    assert not any("b3-8" in r["product"] for r in [*result["changed"], *result["new_prices"]])
