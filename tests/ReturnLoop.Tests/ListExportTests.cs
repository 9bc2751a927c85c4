using System.Text;
using MiniExcelLibs;
using ReturnLoop.Components.UI;

namespace ReturnLoop.Tests;

public sealed class ListExportTests
{
    private sealed record Line(string OrderNo, decimal Amount, DateTimeOffset At, DayOfWeek Day, string? Note);

    private static readonly ExportColumn<Line>[] Columns =
    [
        new("Order No.", l => l.OrderNo),
        new("Amount", l => l.Amount),
        new("At", l => l.At),
        new("Day", l => l.Day),
        new("Note", l => l.Note),
    ];

    private static readonly Line[] Lines =
    [
        new("SO-1", 1234.5m, new DateTimeOffset(2026, 11, 11, 8, 30, 0, TimeSpan.FromHours(7)), DayOfWeek.Wednesday, "Wrong size, \"M\""),
        new("SO-2", 0m, new DateTimeOffset(2026, 12, 12, 0, 0, 0, TimeSpan.Zero), DayOfWeek.Saturday, null),
    ];

    [Fact]
    public async Task A_workbook_keeps_numbers_as_numbers_and_times_in_utc()
    {
        using var file = new MemoryStream();
        await ListExport.WriteAsync(file, ExportFormat.Excel, Columns, Lines, default);
        file.Position = 0;

        var rows = (await file.QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal("SO-1", rows[0]["Order No."]);
        Assert.Equal(1234.5m, Convert.ToDecimal(rows[0]["Amount"]));
        Assert.Equal(new DateTime(2026, 11, 11, 1, 30, 0), rows[0]["At"]);
        Assert.Equal("Wednesday", rows[0]["Day"]);
        Assert.Null(rows[1]["Note"]);
    }

    [Fact]
    public async Task A_csv_file_starts_with_the_utf8_mark_and_quotes_what_needs_quoting()
    {
        using var file = new MemoryStream();
        await ListExport.WriteAsync(file, ExportFormat.Csv, Columns, Lines, default);
        var bytes = file.ToArray();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Order No.,Amount,At,Day,Note", lines[0]);
        Assert.StartsWith("SO-1,1234.5,", lines[1]);
        Assert.EndsWith(",Wednesday,\"Wrong size, \"\"M\"\"\"", lines[1]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task An_empty_list_still_has_its_header_line()
    {
        using var file = new MemoryStream();
        await ListExport.WriteAsync(file, ExportFormat.Csv, Columns, [], default);

        Assert.Equal("Order No.,Amount,At,Day,Note", Encoding.UTF8.GetString(file.ToArray()[3..]).Trim());
    }

    [Fact]
    public async Task A_text_a_spreadsheet_would_run_as_a_formula_is_escaped()
    {
        using var file = new MemoryStream();
        Line[] lines = [new("=HYPERLINK(\"http://x\")", 1m, default, DayOfWeek.Monday, null)];
        await ListExport.WriteAsync(file, ExportFormat.Csv, Columns, lines, default);

        var row = Encoding.UTF8.GetString(file.ToArray()[3..]).Split("\r\n")[1];
        Assert.StartsWith("\"'=HYPERLINK(", row);
    }
}
