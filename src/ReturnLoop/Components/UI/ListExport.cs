using System.Data;
using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace ReturnLoop.Components.UI;

/// <summary>One column of an exported list: its header (in the user's language) and the cell of a row.</summary>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value);

public enum ExportFormat { Excel, Csv }

/// <summary>
/// Writes a list's rows as an Excel workbook (MiniExcel) or an RFC 4180 CSV file (CsvHelper). Workbook cells keep their type
/// (money stays a number, a time a date) so a seller can sum and sort them; times are in UTC, like the API.
/// </summary>
public static class ListExport
{
    /// <summary>More rows than a spreadsheet user can use, fewer than would strain one server.</summary>
    public const int MaxRows = 100_000;

    public static string Extension(ExportFormat format) => format == ExportFormat.Excel ? "xlsx" : "csv";

    public static Task WriteAsync<T>(Stream output, ExportFormat format, IReadOnlyList<ExportColumn<T>> columns,
        IEnumerable<T> rows, CancellationToken ct) =>
        format == ExportFormat.Excel ? WriteWorkbookAsync(output, columns, rows, ct) : WriteCsvAsync(output, columns, rows, ct);

    private static async Task WriteWorkbookAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows,
        CancellationToken ct)
    {
        // a table, not row dictionaries: the header line is written even when no row matches
        using var sheet = new DataTable("Export");
        foreach (var column in columns) sheet.Columns.Add(column.Header, typeof(object));
        foreach (var row in rows) sheet.Rows.Add(columns.Select(c => Cell(c.Value(row)) ?? DBNull.Value).ToArray());
        await output.SaveAsAsync(sheet, sheetName: "Export", excelType: ExcelType.XLSX, cancellationToken: ct);
    }

    private static async Task WriteCsvAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows,
        CancellationToken ct)
    {
        // UTF-8 with its mark (spreadsheets read non-ASCII names right only with it); a text starting like a formula is escaped
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        await csv.WriteRecordAsync(columns.Select(c => c.Header).ToArray(), ct);
        foreach (var row in rows)
            await csv.WriteRecordAsync(columns.Select(c => CsvField(Cell(c.Value(row)))).ToArray(), ct);
    }

    private static string? CsvField(object? cell) => cell is DateTime at
        ? at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
        : Convert.ToString(cell, CultureInfo.InvariantCulture);

    private static object? Cell(object? value) => value switch
    {
        DateTimeOffset at => at.UtcDateTime,
        Enum e => e.ToString(),
        _ => value,
    };
}
