using System.Globalization;

namespace Evidence.Analytics.Import;

/// <summary>Reads the Risk of bias sheet: one assessment per row (a study and a tool), checking each domain's judgement
/// against the tool's own words, that the study exists and is assessed once per tool, and that the overall judgement
/// agrees with the Studies sheet's Risk of bias column.</summary>
internal sealed class RiskOfBiasSheetParser : SheetParser
{
    // Generic tools by name (ignoring case), with the row that named their domains.
    private readonly Dictionary<string, (RiskOfBiasTool Tool, int Row)> _generic = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Study, RiskOfBiasTool Tool), int> _assessed = [];
    // Each study's first overall judgement, with its tool and row, so that two tools' overall judgements must agree.
    private readonly Dictionary<string, (RiskOfBiasJudgement Overall, RiskOfBiasTool Tool, int Row)> _overall = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, Study>? _studies;

    public override WorkbookSheet Format => WorkbookFormat.RiskOfBias;

    public override void ReadRow(RowReader row, ImportContext context)
    {
        string? studyId = row.Required("Study ID");
        string? toolName = row.Required("Tool");
        var domainNames = row.List("Domains");
        double? weight = row.Number("Weight");
        if (weight < 0)
            row.Problem(ProblemKind.InvalidValue, "Weight", weight.Value.ToString(CultureInfo.InvariantCulture),
                "A weight cannot be negative; enter the study's weight (zero or more), or clear 'Weight'.");

        var tool = toolName is null ? null : Tool(row, toolName, domainNames);
        var judgements = tool is null ? null : Judgements(row, tool);
        RiskOfBiasJudgement? overall = tool is null ? null : Overall(row, tool);
        if (studyId is not null) CheckStudy(row, context, studyId, tool, overall);

        if (row.HasErrors || studyId is null || tool is null || judgements is null) return;
        context.RiskOfBiasAssessments.Add(new RiskOfBiasAssessment(studyId, tool, judgements, overall, weight));
    }

    /// <summary>The tool a row names: a built-in tool (whose domains are fixed), or a generic tool named on this row with
    /// its domains or on an earlier row.</summary>
    private RiskOfBiasTool? Tool(RowReader row, string name, IReadOnlyList<string> domains)
    {
        if (RiskOfBiasTool.BuiltInNamed(name) is { } builtIn)
        {
            if (domains.Count > 0)
                row.Problem(ProblemKind.InvalidValue, "Domains", string.Join("; ", domains),
                    $"{builtIn.Name}'s domains are fixed ({string.Join("; ", builtIn.Domains.Select(d => d.Code))}); clear 'Domains', which names a generic tool's domains.");
            return builtIn;
        }
        _generic.TryGetValue(name, out var known);
        if (domains.Count == 0)
        {
            if (known.Tool is not null) return known.Tool;
            row.Problem(ProblemKind.UnknownVocabulary, "Tool", name,
                $"'{name}' is not a built-in risk-of-bias tool ({string.Join("; ", Vocabularies.RiskOfBiasTool.Accepted)}); for a generic tool, name its domains in 'Domains', separated by ;, on its first row.");
            return null;
        }
        int most = WorkbookFormat.RiskOfBiasDomainColumns.Length - 1; // D1b is RoB 2 cluster's alone
        if (domains.Count > most)
        {
            row.Problem(ProblemKind.InvalidValue, "Domains", string.Join("; ", domains),
                FormattableString.Invariant($"A generic tool may have at most {most} domains (columns D1 to D{most}); this row names {domains.Count}."));
            return null;
        }
        RiskOfBiasTool tool;
        try
        {
            tool = RiskOfBiasTool.Generic(name, domains);
        }
        catch (ArgumentException e)
        {
            row.Problem(ProblemKind.InvalidValue, "Domains", string.Join("; ", domains), $"The domains of '{name}' cannot be read: {e.Message.Split(" (Parameter", 2)[0]}");
            return null;
        }
        if (known.Tool is null)
        {
            _generic[name] = (tool, row.RowNumber);
            return tool;
        }
        if (!known.Tool.Domains.Select(d => d.Name).SequenceEqual(tool.Domains.Select(d => d.Name), StringComparer.OrdinalIgnoreCase))
        {
            row.Problem(ProblemKind.InvalidValue, "Domains", string.Join("; ", domains),
                $"'{name}' was given the domains {string.Join("; ", known.Tool.Domains.Select(d => d.Name))} on row {known.Row}; a tool's domains are the same on every row (leave 'Domains' blank after the first).");
            return null;
        }
        return known.Tool;
    }

    /// <summary>One judgement per domain of the tool, each in the tool's words; the other domain columns must be blank.</summary>
    private static List<RiskOfBiasJudgement>? Judgements(RowReader row, RiskOfBiasTool tool)
    {
        var judgements = new List<RiskOfBiasJudgement>(tool.Domains.Length);
        bool complete = true;
        foreach (string code in WorkbookFormat.RiskOfBiasDomainColumns)
        {
            if (tool.Domain(code) is { } domain)
            {
                if (row.Sheet.ColumnOf(code) < 0)
                {
                    // Without its column the cell reads as blank with no problem of its own: say which domain is missing.
                    row.Problem(ProblemKind.MissingValue, null, null,
                        $"The sheet has no '{code}' column, which {tool.Name} needs for {domain}; add the column and give the judgement.");
                    complete = false;
                    continue;
                }
                string? text = row.Required(code);
                if (text is null)
                {
                    complete = false;
                    continue;
                }
                if (tool.Judgements.TryParse(text, out var judgement))
                {
                    judgements.Add(judgement);
                    continue;
                }
                row.Problem(ProblemKind.UnknownVocabulary, code, text, $"{tool.Judgements.UnknownMessage(text)} ({tool.Name} {domain})");
                complete = false;
            }
            else if (row.Text(code) is { } stray)
            {
                row.Problem(ProblemKind.InvalidValue, code, stray,
                    $"{tool.Name} has no domain {code} (its domains are {string.Join(", ", tool.Domains.Select(d => d.Code))}); clear the cell, or correct the tool.");
                complete = false;
            }
        }
        return complete ? judgements : null;
    }

    private static RiskOfBiasJudgement? Overall(RowReader row, RiskOfBiasTool tool)
    {
        if (row.Text("Overall") is not { } text) return null;
        if (!tool.Judgements.TryParse(text, out var overall))
        {
            row.Problem(ProblemKind.UnknownVocabulary, "Overall", text, $"{tool.Judgements.UnknownMessage(text)} ({tool.Name} overall)");
            return null;
        }
        if (overall == RiskOfBiasJudgement.NotApplicable)
        {
            row.Problem(ProblemKind.InvalidValue, "Overall", text, "An overall judgement cannot be 'Not applicable'; give the study's overall risk of bias, or No information.");
            return null;
        }
        return overall;
    }

    /// <summary>The study is on the Studies sheet, assessed once with the tool, and its overall judgement agrees with the
    /// Studies sheet's Risk of bias and with its other tools' overall judgements.</summary>
    private void CheckStudy(RowReader row, ImportContext context, string studyId, RiskOfBiasTool? tool, RiskOfBiasJudgement? overall)
    {
        if (!context.SheetsRead.Contains(WorkbookFormat.Studies.Name)) return;
        if (!context.StudyRows.TryGetValue(studyId, out var studyRow))
        {
            row.Problem(ProblemKind.UnknownReference, "Study ID", studyId, $"The study '{studyId}' is not on the Studies sheet; add it there or correct the ID.");
            return;
        }
        if (tool is null) return;
        if (!_assessed.TryAdd((studyId.ToUpperInvariant(), tool), row.RowNumber))
        {
            row.Problem(ProblemKind.DuplicateId, "Tool", tool.Name,
                $"Study '{studyId}' is already assessed with {tool.Name} on row {_assessed[(studyId.ToUpperInvariant(), tool)]}; give one row per study and tool.");
            return;
        }
        if (overall is not { } judgement) return;
        _studies ??= context.Studies.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        if (_studies.TryGetValue(studyId, out var study) && study.RiskOfBias is { } given && judgement.Overall() != given)
        {
            row.Problem(ProblemKind.InvalidValue, "Overall", judgement.Label(),
                $"The overall {tool.Name} judgement '{judgement.Label()}' disagrees with the Studies sheet, where study '{studyId}' (row {studyRow.Row}) has Risk of bias '{given.Label()}'"
                + $" ({Amounts(judgement)}); correct one of them.");
            return;
        }
        if (_overall.TryGetValue(studyId, out var first) && first.Overall.Overall() != judgement.Overall())
        {
            row.Problem(ProblemKind.InvalidValue, "Overall", judgement.Label(),
                $"The overall {tool.Name} judgement '{judgement.Label()}' disagrees with study '{studyId}''s overall {first.Tool.Name} judgement '{first.Overall.Label()}' on row {first.Row}; a study has one overall risk of bias.");
            return;
        }
        _overall.TryAdd(studyId, (judgement, tool, row.RowNumber));
    }

    private static string Amounts(RiskOfBiasJudgement judgement) =>
        judgement.Overall() is { } level ? $"'{judgement.Label()}' amounts to '{level.Label()}'" : $"'{judgement.Label()}' gives no overall risk of bias";
}
