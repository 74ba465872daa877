using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ToanDan.Tests.Infrastructure;

/// <summary>Reading pages and posting their forms the way a browser without JavaScript would.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Parses a response body as HTML.</summary>
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync(Ct));

    /// <summary>GETs a page, checks its status, and parses it.</summary>
    public static async Task<IHtmlDocument> GetAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(expected, response.StatusCode);
        return await ParseAsync(response);
    }

    /// <summary>The antiforgery token of the first form that has one.</summary>
    public static string Token(IHtmlDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>The values a browser would send for a form: inputs, checked boxes, selected options, in order.</summary>
    public static FormFields Fields(IElement form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new FormFields();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        fields.Add(new(name, box.Value));
                    }

                    break;
                case IHtmlInputElement { Type: "file" or "submit" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.SelectedOptions.Length > 0 ? select.SelectedOptions[0].Value : ""));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
            }
        }

        return fields;
    }

    /// <summary>Posts url-encoded fields.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PostAsync(url, new FormUrlEncodedContent(fields), Ct);
    }

    /// <summary>The trimmed text of every element matching a selector.</summary>
    public static List<string> Texts(IParentNode node, string selector) =>
        node.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToList();
}

/// <summary>Form fields in document order; a name may repeat, as in a real form post.</summary>
public sealed class FormFields : List<KeyValuePair<string, string>>
{
    /// <summary>Sets a field, as a user typing in it would: replaces its first value, or adds it.</summary>
    public FormFields Set(string name, string value)
    {
        var index = FindIndex(f => f.Key == name);
        if (index >= 0)
        {
            this[index] = new(name, value);
        }
        else
        {
            Add(new(name, value));
        }

        return this;
    }
}
