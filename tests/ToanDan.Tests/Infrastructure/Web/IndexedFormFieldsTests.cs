using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Tests.Infrastructure.Web;

public sealed class IndexedFormFieldsTests
{
    private static FormCollection Form(params (string Key, string Value)[] fields) =>
        new(fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => new StringValues(g.Select(f => f.Value).ToArray())));

    [Fact]
    public void Read_TakesOnlyThePrefixedFields()
    {
        var fields = IndexedFormFields.Read(Form(("__RequestVerificationToken", "t"), ("step", "Save"), ("points[1.1]", "10"), ("points[2]", ""), ("pointsX[3]", "1")), "points");
        Assert.Equal(new Dictionary<string, string?> { ["1.1"] = "10", ["2"] = "" }, fields);
    }

    [Fact]
    public void Read_WithoutPrefixedFields_IsEmpty_NotTheWholeForm()
    {
        // Model binding a dictionary would fall back to "__RequestVerificationToken" and "step" here.
        Assert.Empty(IndexedFormFields.Read(Form(("__RequestVerificationToken", "t"), ("step", "Save"), ("points[]", "1")), "points"));
    }

    [Fact]
    public void Read_RepeatedField_KeepsTheLastValue()
    {
        Assert.Equal("no", IndexedFormFields.Read(Form(("answer[A1]", "yes"), ("answer[A1]", "no")), "answer")["A1"]);
    }
}
